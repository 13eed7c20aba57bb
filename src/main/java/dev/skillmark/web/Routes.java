package dev.skillmark.web;

import io.javalin.config.RoutesConfig;

/** A feature's controller registers its routes here. */
@FunctionalInterface
public interface Routes {
    void register(RoutesConfig routes);
}
