package vn.ubkt.casework.query.platform;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Tells open pages that a read model changed (server-sent events), once the change is committed, so a page
 * open in one browser shows what another changed without being reloaded.
 */
@Component
public class LiveUpdates {

    /** Who may hear of a change to what a committee holds about a member (null for an organization). */
    public interface Audience {
        boolean mayHear(String committeeId, String memberId);
    }

    private record Listener(SseEmitter emitter, Audience audience) {
    }

    private final List<Listener> listeners = new CopyOnWriteArrayList<>();
    private final ReadDatabase database;

    LiveUpdates(ReadDatabase database) {
        this.database = database;
    }

    /** A page listens; it hears only of cases and complaints its user may read (the ids are not disclosed). */
    public SseEmitter subscribe(Audience audience) {
        SseEmitter emitter = new SseEmitter(0L);
        Listener listener = new Listener(emitter, audience);
        listeners.add(listener);
        emitter.onCompletion(() -> listeners.remove(listener));
        emitter.onTimeout(() -> listeners.remove(listener));
        emitter.onError(error -> listeners.remove(listener));
        try {
            emitter.send(SseEmitter.event().name("hello").data("{}"));
        } catch (IOException e) {
            listeners.remove(listener);
        }
        return emitter;
    }

    /**
     * After the current transaction commits (or at once outside one), and once the database pages read from shows the
     * commit (a replica replays it a moment later), every page that may read it hears {@code topic}/{@code id}.
     */
    public void changed(String topic, String id, long version, String committeeId, String memberId) {
        String data = "{\"topic\":\"" + topic + "\",\"id\":\"" + id.replace("\"", "") + "\",\"version\":" + version + "}";
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    database.whenVisible(() -> send(data, committeeId, memberId));
                }
            });
        } else {
            database.whenVisible(() -> send(data, committeeId, memberId));
        }
    }

    private void send(String data, String committeeId, String memberId) {
        for (Listener listener : listeners) {
            if (!listener.audience().mayHear(committeeId, memberId)) {
                continue;
            }
            try {
                listener.emitter().send(SseEmitter.event().name("change").data(data));
            } catch (IOException | IllegalStateException e) {
                listeners.remove(listener);
            }
        }
    }
}
