package no.kontakt.store;

import java.util.List;
import java.util.Optional;

/** Staff accounts, by username. */
public interface UserStore {
    Optional<User> user(String username);

    /** Every account, by username. */
    List<User> users();

    void saveUser(Batch batch, User user);

    void removeUser(Batch batch, String username);
}
