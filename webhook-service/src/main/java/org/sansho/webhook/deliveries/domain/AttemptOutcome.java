package org.sansho.webhook.deliveries.domain;

/**
 * How an attempt ended (Standard Webhooks "Delivery success and failure"): any 2xx is a success; 410 Gone says the
 * receiver wants no more webhooks, so the endpoint is disabled at once; everything else, redirects included (they are
 * not followed), timeouts and refused connections, is a failure to retry.
 */
public enum AttemptOutcome {
    SUCCEEDED, FAILED, GONE;

    public static AttemptOutcome of(int status) {
        if (status >= 200 && status < 300) {
            return SUCCEEDED;
        }
        return status == 410 ? GONE : FAILED;
    }
}
