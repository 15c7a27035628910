package dev.guildhall.testkit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A clock tests move by hand, starting at the same instant in every module's tests. */
public final class MutableClock extends Clock {
    private Instant now = Instant.parse("2026-05-01T12:00:00Z");

    public void advance(Duration by) { now = now.plus(by); }

    public void set(Instant to) { now = to; }

    @Override public ZoneId getZone() { return ZoneOffset.UTC; }

    @Override public Clock withZone(ZoneId zone) { return this; }

    @Override public Instant instant() { return now; }
}
