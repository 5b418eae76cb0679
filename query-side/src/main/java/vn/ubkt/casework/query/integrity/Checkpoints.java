package vn.ubkt.casework.query.integrity;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Issues signed checkpoints: stored in {@code integrity_checkpoint} and appended to the checkpoint file, a plain
 * text file of notes (each followed by a blank line) that a deployment ships to write-once storage or to a
 * witness. Without a signing key nothing is issued, and the status says so.
 */
public class Checkpoints {

    private static final Logger log = LoggerFactory.getLogger(Checkpoints.class);

    private final Ledger ledger;
    private final Optional<NoteKey> key;
    private final Optional<Path> file;

    public Checkpoints(Ledger ledger, Optional<NoteKey> key, Optional<Path> file) {
        this.ledger = ledger;
        this.key = key;
        this.file = file.map(path -> path.toAbsolutePath().normalize());
    }

    public Optional<NoteKey> key() {
        return key;
    }

    public Optional<Path> file() {
        return file;
    }

    /** Signs the tree of {@code size} leaves with {@code root}, unless a checkpoint of that size exists. */
    public Optional<Checkpoint> issue(long size, byte[] root) {
        if (key.isEmpty()) {
            return Optional.empty();
        }
        Checkpoint checkpoint = Checkpoint.sign(key.get(), size, root);
        if (!ledger.store(checkpoint)) {
            return Optional.empty();
        }
        append(checkpoint);
        return Optional.of(checkpoint);
    }

    /** The size of the tree the latest checkpoint vouches for, 0 before the first. */
    public long latestSize() {
        return ledger.latestCheckpoint().map(Ledger.StoredCheckpoint::treeSize).orElse(0L);
    }

    /** The latest checkpoint; when {@code fresh}, first one for everything sealed so far (on demand). */
    public Optional<String> latest(boolean fresh) {
        if (fresh && key.isPresent()) {
            long size = ledger.size();
            Optional<Long> issued = ledger.latestCheckpoint().map(Ledger.StoredCheckpoint::treeSize);
            if (issued.isEmpty() || size > issued.get()) {
                issue(size, ledger.root(size));
            }
        }
        return ledger.latestCheckpoint().map(Ledger.StoredCheckpoint::note);
    }

    private synchronized void append(Checkpoint checkpoint) {
        if (file.isEmpty()) {
            return;
        }
        try {
            Files.createDirectories(file.get().getParent());
            Files.writeString(file.get(), checkpoint.text() + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND, StandardOpenOption.WRITE);
        } catch (IOException e) {
            // the checkpoint is in the database and signed; the copy outside is what failed, loudly
            log.error("Checkpoint of tree size {} could not be appended to {}", checkpoint.treeSize(), file.get(), e);
        }
    }
}
