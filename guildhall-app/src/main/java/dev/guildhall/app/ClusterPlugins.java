package dev.guildhall.app;

import dev.guildhall.bus.nats.ModuleAnnouncements;
import dev.guildhall.bus.nats.ModuleAnnouncements.Change;
import dev.guildhall.bus.nats.ModuleAnnouncements.Kind;
import dev.guildhall.web.PluginControl;

import java.util.List;

/**
 * A worker's plugin control: the change is made here first (all-or-nothing, with the command re-sync) and announced
 * to the other workers only once it worked, so a refused jar never reaches them. They apply it from the shared
 * plugin folder ({@link PluginModules#follow}).
 */
final class ClusterPlugins implements PluginControl {
    private final PluginModules local;
    private final ModuleAnnouncements announcements;

    ClusterPlugins(PluginModules local, ModuleAnnouncements announcements) {
        this.local = local;
        this.announcements = announcements;
    }

    @Override
    public List<Plugin> list() {
        return local.list();
    }

    @Override
    public Plugin load(String name) {
        return announced(Kind.LOAD, local.load(name));
    }

    @Override
    public Plugin reload(String name) {
        return announced(Kind.RELOAD, local.reload(name));
    }

    @Override
    public Plugin unload(String name) {
        return announced(Kind.UNLOAD, local.unload(name));
    }

    private Plugin announced(Kind kind, Plugin plugin) {
        try {
            announcements.announce(new Change(kind, plugin.name(), plugin.version()));
        } catch (RuntimeException e) {
            throw new PluginModules.PluginException("plugin " + plugin.name() + " changed on this worker only, "
                    + "the others were not told and keep their previous plugins until they restart: " + e.getMessage());
        }
        return plugin;
    }
}
