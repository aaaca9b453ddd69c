package org.sansho.contract.disclosures.domain;

import java.time.LocalDate;

/**
 * A document the vendor points to for its answer (a certificate, a policy, an SDS sheet).
 *
 * @param title      what it is
 * @param uri        where the hospital can read it, or null
 * @param validUntil until when it holds (a certificate's expiry), or null
 */
public record Evidence(String title, String uri, LocalDate validUntil) {
}
