package org.sansho.launcher;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class WelcomeBannerTest {

    @Test
    void the_run_banner_names_the_dashboard_the_stream_and_every_service() {
        Settings settings = Settings.fromEnvironment(Path.of(".").toAbsolutePath());
        String banner = Launcher.welcome(settings, "localhost:9092");
        assertThat(banner).contains("Dashboard           http://localhost:8083/dashboard/")
                .contains("http://localhost:8083/api/v1/stream").contains("localhost:9092")
                .contains("catalog-service").contains("contract-service").contains("assessment-service");
    }
}
