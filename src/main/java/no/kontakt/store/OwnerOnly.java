package no.kontakt.store;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Files only their owner may read: the store, its journal, backups and keys are 0600 in 0700 folders, whatever the
 * umask. On a file system without POSIX permissions (Windows) these do nothing.
 */
public final class OwnerOnly {
    private static final Logger log = LoggerFactory.getLogger(OwnerOnly.class);
    public static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");
    public static final Set<PosixFilePermission> FOLDER = PosixFilePermissions.fromString("rwx------");

    private OwnerOnly() {}

    public static boolean posix() {
        return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    }

    /** Creates the folder (and its parents) 0700, or narrows an existing one to 0700. */
    public static void folder(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            if (posix()) {
                Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(FOLDER)); // the umask can only take away
            } else {
                Files.createDirectories(dir);
            }
        }
        narrow(dir, FOLDER);
    }

    /** Narrows the file to 0600 (a file made by an earlier version, or under a lax umask, may be world-readable). */
    public static void file(Path file) throws IOException {
        narrow(file, FILE);
    }

    /** Creates an empty file 0600 (0600 from the first byte, not after), unless it exists. */
    public static void create(Path file) throws IOException {
        if (posix()) {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(FILE));
        } else {
            Files.createFile(file);
        }
    }

    /** True when someone other than the owner may read or write the file (false where there are no POSIX permissions). */
    public static boolean othersMayRead(Path file) throws IOException {
        if (!posix()) {
            return false;
        }
        Set<PosixFilePermission> p = Files.getPosixFilePermissions(file);
        return p.contains(PosixFilePermission.GROUP_READ) || p.contains(PosixFilePermission.OTHERS_READ)
                || p.contains(PosixFilePermission.GROUP_WRITE) || p.contains(PosixFilePermission.OTHERS_WRITE);
    }

    private static void narrow(Path path, Set<PosixFilePermission> wanted) throws IOException {
        if (!posix()) {
            return;
        }
        Set<PosixFilePermission> now = Files.getPosixFilePermissions(path);
        if (!now.equals(wanted)) {
            Files.setPosixFilePermissions(path, wanted);
            if (now.stream().anyMatch(p -> !wanted.contains(p))) {
                log.warn("permissions narrowed path={} from={} to={}", path, PosixFilePermissions.toString(now), PosixFilePermissions.toString(wanted));
            }
        }
    }
}
