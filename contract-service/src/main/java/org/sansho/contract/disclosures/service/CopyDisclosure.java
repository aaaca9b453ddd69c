package org.sansho.contract.disclosures.service;

import java.util.UUID;

/** Start a package from the vendor's answers in the package of another of its contracts. */
public record CopyDisclosure(UUID copyFrom) {
}
