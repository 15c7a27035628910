package dev.guildhall.store.settings;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.guildhall.core.id.GuildId;
import dev.guildhall.core.module.GuildModule;
import dev.guildhall.core.settings.ModuleSettings;
import dev.guildhall.core.settings.ModuleSettingsStore;
import dev.guildhall.core.settings.SettingsRejected;
import dev.guildhall.store.ReadThroughCache;
import dev.guildhall.store.StoreException;
import dev.guildhall.store.ledger.LedgerTransactions;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * {@link ModuleSettingsStore} on {@code module_settings}: one row per guild and module holding only the overrides.
 * Loads go through a Caffeine cache keyed by guild and module; a write replaces the entry. Every guild's events are
 * handled in order, so two writes to one guild's settings do not race; the read and write still share a transaction.
 * Inside a ledger transaction a write is not cached (it may still roll back), and that guild's settings are read from
 * the database until the transaction ends.
 */
final class JdbiModuleSettingsStore implements ModuleSettingsStore {
    static final long DEFAULT_MAX_ENTRIES = 50_000;
    static final Duration DEFAULT_EXPIRY = Duration.ofMinutes(10);

    private static final String FIND = """
            SELECT settings_json FROM module_settings WHERE guild_id = :guild AND module_id = :module""";
    private static final String UPSERT = """
            INSERT INTO module_settings (guild_id, module_id, settings_json, updated_at)
            VALUES (:guild, :module, :json, :updatedAt)
            ON CONFLICT (guild_id, module_id) DO UPDATE SET settings_json = excluded.settings_json,
                updated_at = excluded.updated_at""";
    private static final String DELETE = """
            DELETE FROM module_settings WHERE guild_id = :guild AND module_id = :module""";

    private record Key(GuildId guild, String module) {}

    private final Jdbi jdbi;
    private final ObjectMapper json;
    private final ObjectReader scalarReader;
    private final SettingsValidator validator;
    private final Clock clock;
    private final ReadThroughCache<Key, ModuleSettings> cache;
    private final LedgerTransactions transactions;

    JdbiModuleSettingsStore(Jdbi jdbi, ObjectMapper json, SettingsValidator validator, Clock clock,
                            long maxEntries, Duration expiry, LedgerTransactions transactions) {
        this.jdbi = jdbi;
        this.transactions = transactions;
        this.json = json;
        // "5 apples" is text, not the number 5 followed by junk
        this.scalarReader = json.reader().with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        this.validator = validator;
        this.clock = clock;
        this.cache = new ReadThroughCache<>(Caffeine.newBuilder().maximumSize(maxEntries).expireAfterWrite(expiry)
                .<Key, ModuleSettings>build());
    }

    @Override
    public ModuleSettings load(GuildId guild, GuildModule module) {
        if (transactions.hasUncommittedWrite(guild)) return read(guild, module);
        return cache.get(new Key(guild, module.id()), key -> read(guild, module));
    }

    /** Forgets every cached module's settings of the guild. */
    void invalidate(GuildId guild) {
        cache.invalidateIf(key -> key.guild().equals(guild));
    }

    private ModuleSettings read(GuildId guild, GuildModule module) {
        ObjectNode overrides;
        try {
            overrides = jdbi.withHandle(handle -> overrides(handle, guild, module.id()));
        } catch (JdbiException e) {
            throw new StoreException(StoreException.Kind.QUERY_FAILED,
                    "could not read the " + module.id() + " settings of guild " + guild, e);
        }
        return validator.toSettings(merged(module, overrides));
    }

    @Override
    public ModuleSettings set(GuildId guild, GuildModule module, String key, String value) {
        if (!validator.knownKeys(module).contains(key)) {
            throw new SettingsRejected(List.of(key + ": is not a setting of " + module.id() + "; its settings are "
                    + known(module)));
        }
        JsonNode parsed = parse(value);
        Key cacheKey = new Key(guild, module.id());
        try {
            ModuleSettings saved = jdbi.inTransaction(handle -> {
                ObjectNode overrides = overrides(handle, guild, module.id());
                // a value equal to the default is no override: a later change of the default then reaches it
                if (parsed.equals(validator.defaults(module).get(key))) overrides.remove(key);
                else overrides.set(key, parsed);
                ObjectNode merged = merged(module, overrides);
                List<String> problems = validator.problems(module, merged);
                if (!problems.isEmpty()) throw new SettingsRejected(problems);
                write(handle, guild, module.id(), overrides);
                return validator.toSettings(merged);
            });
            if (transactions.isOpen()) cache.invalidate(cacheKey);
            else cache.put(cacheKey, saved);
            transactions.written(guild);
            return saved;
        } catch (JdbiException e) {
            cache.invalidate(cacheKey);
            throw new StoreException(StoreException.Kind.QUERY_FAILED,
                    "could not save the " + module.id() + " settings of guild " + guild, e);
        }
    }

    private String known(GuildModule module) {
        var keys = validator.knownKeys(module);
        return keys.isEmpty() ? "none" : String.join(", ", keys);
    }

    /** A JSON scalar when the text is one ({@code 5}, {@code true}, {@code 2.5}, {@code "5"}), else the text itself. */
    private JsonNode parse(String value) {
        String text = value.strip();
        try {
            JsonNode node = scalarReader.readTree(text);
            if (node != null && (node.isNumber() || node.isBoolean() || node.isTextual())) return node;
        } catch (JsonProcessingException e) {
            // not JSON: plain text
        }
        return TextNode.valueOf(text);
    }

    private ObjectNode merged(GuildModule module, ObjectNode overrides) {
        ObjectNode merged = validator.defaults(module);
        // keys a module no longer declares stay stored but are not offered
        var known = validator.knownKeys(module);
        overrides.fields().forEachRemaining(entry -> {
            if (known.contains(entry.getKey())) merged.set(entry.getKey(), entry.getValue());
        });
        return merged;
    }

    private ObjectNode overrides(Handle handle, GuildId guild, String module) {
        Optional<String> stored = handle.createQuery(FIND)
                .bind("guild", guild.value())
                .bind("module", module)
                .mapTo(String.class)
                .findOne();
        if (stored.isEmpty()) return json.createObjectNode();
        try {
            JsonNode node = json.readTree(stored.get());
            if (node instanceof ObjectNode object) return object;
        } catch (JsonProcessingException e) {
            throw new StoreException(StoreException.Kind.CORRUPT_DATA,
                    "the stored " + module + " settings of guild " + guild + " cannot be read", e);
        }
        throw new StoreException(StoreException.Kind.CORRUPT_DATA,
                "the stored " + module + " settings of guild " + guild + " are not a JSON object", null);
    }

    private void write(Handle handle, GuildId guild, String module, ObjectNode overrides) {
        if (overrides.isEmpty()) {
            handle.createUpdate(DELETE).bind("guild", guild.value()).bind("module", module).execute();
            return;
        }
        String document;
        try {
            document = json.writeValueAsString(overrides);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("settings overrides are always encodable", e);
        }
        handle.createUpdate(UPSERT)
                .bind("guild", guild.value())
                .bind("module", module)
                .bind("json", document)
                .bind("updatedAt", clock.millis())
                .execute();
    }
}
