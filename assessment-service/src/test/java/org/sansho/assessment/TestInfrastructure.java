package org.sansho.assessment;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import org.sansho.testsupport.JwtTestResource;
import org.sansho.testsupport.KafkaTestResource;
import org.sansho.testsupport.PostgresTestResource;

/**
 * Real PostgreSQL (this service's own database), a real Kafka broker, test tokens and a running catalog-service for
 * every test.
 */
@QuarkusTestResource(value = PostgresTestResource.class, restrictToAnnotatedClass = false,
        initArgs = @ResourceArg(name = "database", value = "assessment"))
@QuarkusTestResource(value = KafkaTestResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = JwtTestResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = CatalogTestResource.class, restrictToAnnotatedClass = false)
public final class TestInfrastructure {
    private TestInfrastructure() {
    }
}
