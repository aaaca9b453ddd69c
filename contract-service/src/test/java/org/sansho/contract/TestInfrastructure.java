package org.sansho.contract;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import org.sansho.testsupport.JwtTestResource;
import org.sansho.testsupport.KafkaTestResource;
import org.sansho.testsupport.PostgresTestResource;

/**
 * Real PostgreSQL (this service's own database), a real Kafka broker, test tokens and a running catalog-service (the
 * disclosure templates, the role-sharing checklist) for every test. Global, so that
 * the module's tests share one start of the application (a resource restricted to its class would restart it per
 * class).
 */
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "contract"))
@WithTestResource(value = KafkaTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = JwtTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = CatalogTestResource.class, scope = TestResourceScope.GLOBAL)
public final class TestInfrastructure {
    private TestInfrastructure() {
    }
}
