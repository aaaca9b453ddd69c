package org.sansho.contract.contracts.domain;

import java.time.LocalDate;

/**
 * Proof that data can no longer be read (2省GL 別紙2 ③-8; MHLW 5 §6.7): who destroyed it, which media, by what
 * method, on which date, under which certificate reference.
 */
public record DeletionCertificate(String certificateRef, String deletedBy, String media, String method,
                                  LocalDate deletedOn) {

    public boolean isComplete() {
        return present(certificateRef) && present(deletedBy) && present(media) && present(method)
                && deletedOn != null;
    }

    private static boolean present(String s) {
        return s != null && !s.isBlank();
    }
}
