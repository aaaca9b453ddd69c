package org.sansho.servicetoken;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/**
 * The settings of {@link ServiceToken} ({@code sansho.service-token.*}). Where the token comes from is the OIDC
 * client's configuration ({@code quarkus.oidc-client.*}); both have their defaults in this module's
 * {@code META-INF/microprofile-config.properties}, which a service's {@code application.properties} overrides.
 */
@ConfigMapping(prefix = "sansho.service-token")
public interface ServiceTokenConfig {

    /**
     * The subject of a token the service signs itself: the calling service's name (by default
     * {@code quarkus.application.name}). It is also the default client id at the OpenID provider.
     */
    String subject();

    /** How long a token the service signs itself is valid. */
    @WithDefault("5m")
    Duration lifetime();

    /** How long before its expiry a held token is replaced by a new one. */
    @WithDefault("60s")
    Duration renewBefore();
}
