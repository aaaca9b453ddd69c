package org.sansho.platform.audit;

import jakarta.annotation.security.RolesAllowed;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import org.sansho.platform.problem.ProblemException;
import org.sansho.platform.security.Caller;
import org.sansho.platform.security.Roles;

import java.util.List;
import java.util.UUID;

/** A minimal audited write for the audit trail's tests. */
@Path("/fixture/audited-notes")
public class AuditedNotesResource {

    public record Note(UUID id, String text) {
    }

    private final EntityManager em;
    private final AuditTrail audit;
    private final Caller caller;

    public AuditedNotesResource(EntityManager em, AuditTrail audit, Caller caller) {
        this.em = em;
        this.audit = audit;
        this.caller = caller;
    }

    @POST
    @Transactional
    @RolesAllowed(Roles.PROCUREMENT)
    public Note create(String text, @QueryParam("fail") boolean fail) {
        UUID id = UUID.randomUUID();
        em.createNativeQuery("insert into fixture_note (id, text, version) values (?1, ?2, 0)")
                .setParameter(1, id).setParameter(2, text).executeUpdate();
        Note note = new Note(id, text);
        audit.record("note.created", "note", id, List.of(caller.requireOrganization()), null, note);
        if (fail) {
            throw ProblemException.conflict("fixture-failure", "Failure on purpose", "rolled back");
        }
        return note;
    }
}
