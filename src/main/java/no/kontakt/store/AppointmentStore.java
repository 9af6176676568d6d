package no.kontakt.store;

import java.util.List;
import java.util.Optional;

/** Appointments staff booked with a citizen, by id ({@code conversationId/…}). */
public interface AppointmentStore {
    Optional<Appointment> appointment(String id);

    /** The appointments of one conversation. */
    List<Appointment> appointments(String conversationId);

    /** Every appointment, earliest first. */
    List<Appointment> allAppointments();

    void saveAppointment(Batch batch, Appointment appointment);

    void removeAppointment(Batch batch, String id);
}
