package org.sansho.webhook.tenancy;

import jakarta.persistence.EntityManager;
import jakarta.ws.rs.Path;
import org.sansho.webhook.deliveries.persistence.Delivery;
import org.sansho.webhook.deliveries.persistence.DeliveryAttempt;
import org.sansho.webhook.subscriptions.persistence.EndpointSecret;
import org.sansho.webhook.subscriptions.persistence.WebhookEndpoint;
import org.sansho.testsupport.tenancy.ForgottenClause;
import org.sansho.testsupport.tenancy.ForgottenClauseQueries;

/**
 * Queries and loads by id without any tenancy clause ({@link ForgottenClauseQueries}) over this service's
 * tenant-scoped entities, for {@link TenancyTest}.
 */
@Path(ForgottenClause.PATH)
public class ForgottenClauseResource extends ForgottenClauseQueries {

    public ForgottenClauseResource(EntityManager em) {
        super(em, WebhookEndpoint.class, EndpointSecret.class, Delivery.class, DeliveryAttempt.class);
    }
}
