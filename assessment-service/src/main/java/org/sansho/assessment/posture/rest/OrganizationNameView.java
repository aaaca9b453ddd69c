package org.sansho.assessment.posture.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An organization's registered name as the contract events carried it last. */
@Schema(name = "OrganizationName", description = "An organization's registered name: Japanese, and English where one "
        + "was registered")
public record OrganizationNameView(
        @Schema(example = "さくら病院") String ja,
        @Schema(description = "Null where no English name was registered", example = "Sakura Hospital") String en) {

    /** The name from its two columns; null when neither holds one (a contract seen only through older events). */
    static OrganizationNameView of(Object ja, Object en) {
        return ja == null && en == null ? null : new OrganizationNameView((String) ja, (String) en);
    }
}
