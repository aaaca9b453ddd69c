package org.sansho.catalog.applicability.service;

import jakarta.enterprise.context.ApplicationScoped;

import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The serialized checklists of recent applicability requests. A checklist is made of published versions only,
 * which never change, so one request gives the same bytes until the next publication; entries carry the
 * {@link org.sansho.catalog.guidelines.service.CatalogReader#generation() reader's generation}, and a publication
 * (a new generation) empties the cache. Bounded by size, least recently used first out: the checklist of a
 * 5,000-requirement baseline is a few MB, and the service's heap is small.
 */
@ApplicationScoped
public class ChecklistCache {

    static final long DEFAULT_MAX_BYTES = 24L * 1024 * 1024;

    private final long maxBytes;
    private final LinkedHashMap<Object, byte[]> entries = new LinkedHashMap<>(16, 0.75f, true);
    private long bytes;
    private long generation = Long.MIN_VALUE;
    /** Checklists being made now: a request that finds one waits for it rather than making it again. */
    private final Map<Object, CompletableFuture<byte[]>> making = new HashMap<>();

    public ChecklistCache() {
        this(DEFAULT_MAX_BYTES);
    }

    ChecklistCache(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    /**
     * The checklist of {@code request} in this generation: the kept one, or the one another request is making
     * right now, or else made by {@code make} on this thread and kept. Requests that miss together (the first ones
     * after a publication, a burst) make it once: each making holds several MB, and sixteen at once do not fit the
     * service's heap.
     */
    public byte[] get(Object request, long generation, Supplier<byte[]> make) {
        CompletableFuture<byte[]> mine;
        CompletableFuture<byte[]> theirs;
        List<Object> flight = List.of(request, generation);
        synchronized (this) {
            byte[] kept = get(request, generation);
            if (kept != null) {
                return kept;
            }
            theirs = making.get(flight);
            mine = theirs == null ? new CompletableFuture<>() : null;
            if (mine != null) {
                making.put(flight, mine);
            }
        }
        if (theirs != null) {
            try {
                return theirs.join();
            } catch (CompletionException e) {
                throw e.getCause() instanceof RuntimeException r ? r : e;
            }
        }
        try {
            byte[] made = make.get();
            put(request, generation, made);
            mine.complete(made);
            return made;
        } catch (RuntimeException | Error e) {
            mine.completeExceptionally(e);
            throw e;
        } finally {
            synchronized (this) {
                making.remove(flight);
            }
        }
    }

    /** The checklist cached for {@code request} in this generation, or null. */
    public synchronized byte[] get(Object request, long generation) {
        turnTo(generation);
        return this.generation == generation ? entries.get(request) : null;
    }

    /** Keeps a checklist made in {@code generation}; one made before a publication is not kept. */
    public synchronized void put(Object request, long generation, byte[] checklist) {
        turnTo(generation);
        if (generation != this.generation || checklist.length > maxBytes) {
            return;
        }
        byte[] previous = entries.put(request, checklist);
        bytes += checklist.length - (previous == null ? 0 : previous.length);
        Iterator<Map.Entry<Object, byte[]>> eldest = entries.entrySet().iterator();
        while (bytes > maxBytes && eldest.hasNext()) {
            bytes -= eldest.next().getValue().length;
            eldest.remove();
        }
    }

    synchronized long bytes() {
        return bytes;
    }

    private void turnTo(long generation) {
        if (generation > this.generation) {
            entries.clear();
            bytes = 0;
            this.generation = generation;
        }
    }
}
