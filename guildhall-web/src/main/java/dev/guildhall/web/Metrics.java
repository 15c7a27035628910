package dev.guildhall.web;

import dev.guildhall.core.port.DispatchObserver;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

/** The one place that creates Guildhall's meter registry and meters, so names and labels stay consistent. */
public final class Metrics {
    /** Counter {@code guildhall_events_handled_total{kind,outcome}}. */
    public static final String EVENTS_HANDLED = "guildhall.events.handled";
    /** Timer {@code guildhall_command_latency_seconds{command,outcome}}, exported as a Prometheus histogram. */
    public static final String COMMAND_LATENCY = "guildhall.command.latency";

    private Metrics() {
    }

    /**
     * A Prometheus registry with JVM memory, GC, thread, class loader and processor meters bound. Closing it also
     * unregisters the GC notification listener.
     */
    public static PrometheusMeterRegistry newRegistry() {
        JvmGcMetrics gc = new JvmGcMetrics();
        PrometheusMeterRegistry registry = new ClosingPrometheusRegistry(PrometheusConfig.DEFAULT, gc);
        new JvmMemoryMetrics().bindTo(registry);
        gc.bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ClassLoaderMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        return registry;
    }

    /**
     * Records every handled event as {@code guildhall_events_handled_total{kind,outcome}} and every command's time as
     * {@code guildhall_command_latency_seconds{command,outcome}}. Label values are capped (200 commands, 100 kinds,
     * 20 outcomes); later values are counted under {@code other}, so a misbehaving caller cannot explode cardinality.
     */
    public static DispatchObserver dispatchObserver(MeterRegistry registry) {
        return new MeteredDispatchObserver(registry);
    }

    /** Prometheus registry that also releases the GC listener the JVM holds on to. */
    private static final class ClosingPrometheusRegistry extends PrometheusMeterRegistry {
        private final JvmGcMetrics gc;

        ClosingPrometheusRegistry(PrometheusConfig config, JvmGcMetrics gc) {
            super(config);
            this.gc = gc;
        }

        @Override
        public void close() {
            try {
                gc.close();
            } finally {
                super.close();
            }
        }
    }
}
