package dev.guildhall.core.guild;

/**
 * A channel or role setup manages: {@code created} when setup made it (so reset may delete it) rather than adopting an
 * existing one; {@code missing} when someone deleted it in Discord (the next setup repairs it).
 */
public record ManagedResource(long id, boolean created, boolean missing) {
    public static ManagedResource created(long id) {
        return new ManagedResource(id, true, false);
    }

    public static ManagedResource adopted(long id) {
        return new ManagedResource(id, false, false);
    }

    public ManagedResource markMissing() {
        return new ManagedResource(id, created, true);
    }
}
