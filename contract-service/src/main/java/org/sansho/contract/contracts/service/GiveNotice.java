package org.sansho.contract.contracts.service;

import java.time.LocalDate;

/** Notice of termination given by the caller's side. */
public record GiveNotice(LocalDate noticedOn, String reason) {
}
