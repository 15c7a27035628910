package dev.guildhall.modules.frolf.storage;

import dev.guildhall.modules.frolf.FrolfModule;
import dev.guildhall.store.Store;
import dev.guildhall.store.StoreSettings;

/** A platform store with frolf's own migrations applied, as the app opens it. */
final class FrolfDatabases {
    private FrolfDatabases() {}

    static Store open(StoreSettings settings) {
        Store store = Store.open(settings);
        store.migrateModule(FrolfModule.ID, "db/modules/frolf", FrolfModule.class.getClassLoader());
        return store;
    }
}
