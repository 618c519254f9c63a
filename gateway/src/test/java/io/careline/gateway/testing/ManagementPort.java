package io.careline.gateway.testing;

import org.eclipse.microprofile.config.ConfigProvider;

/** The management interface of the gateway under test, which listens on a random port of its own. */
public final class ManagementPort {

    private ManagementPort() {
    }

    /** e.g. {@code http://localhost:41234/q}: Quarkus records the port it actually bound. */
    public static String root() {
        return "http://localhost:" + ConfigProvider.getConfig().getValue("quarkus.management.test-port", Integer.class) + "/q";
    }
}
