package no.kontakt.store;

import java.util.List;
import java.util.Optional;

/** Staff sign-in sessions, by the hash of their token. */
public interface LoginStore {
    Optional<LoginSession> login(String tokenHash);

    void saveLogin(Batch batch, LoginSession session);

    void removeLogin(Batch batch, String tokenHash);

    /** Every stored login (a few per person): read when an account changes, to end its logins. */
    List<LoginSession> logins();
}
