package dev.guildhall.bench;

/** A system under load, started and warmed (guilds set up, streams made), until closed. */
sealed interface BenchTarget extends CommandSender, AutoCloseable permits StandaloneTarget, DistributedTarget, BareTarget {

    @Override
    void close();
}
