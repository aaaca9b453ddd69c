package org.sansho.webhook;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import org.sansho.testsupport.JwtTestResource;
import org.sansho.testsupport.KafkaTestResource;
import org.sansho.testsupport.PostgresTestResource;

/** Real PostgreSQL (this service's own database), a real Kafka broker and test tokens for every test. */
@QuarkusTestResource(value = PostgresTestResource.class, restrictToAnnotatedClass = false,
        initArgs = @ResourceArg(name = "database", value = "webhook"))
@QuarkusTestResource(value = KafkaTestResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = JwtTestResource.class, restrictToAnnotatedClass = false)
public final class TestInfrastructure {
    private TestInfrastructure() {
    }
}
