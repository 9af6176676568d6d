package no.kontakt.records;

import ca.uhn.fhir.context.FhirContext;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;
import no.kontakt.store.Conversation;
import no.kontakt.store.Message;
import no.kontakt.store.MessageStore;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Communication;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Reference;

/**
 * A conversation as an HL7 FHIR R4 {@code Bundle} (type {@code collection}) of one {@code Communication} per message:
 * status {@code completed}, sent time, sender and recipient by display name, the text as the payload, the medium
 * (written SMS or online chat) and the conversation's pseudonym as the subject's identifier.
 */
public final class FhirRecord {
    static final String PARTICIPATION_MODE = "http://terminology.hl7.org/CodeSystem/v3-ParticipationMode";

    private final MessageStore messageStore;
    private final String system;
    private final String unit;

    /** @param publicBase the server's public URL: the identifier systems are under it */
    public FhirRecord(MessageStore messageStore, String publicBase, String unit) {
        this.messageStore = messageStore;
        this.system = publicBase.replaceAll("/+$", "") + "/fhir";
        this.unit = unit;
    }

    /** The FHIR context is built once, on the first export: it takes a second and some memory, so not at start-up. */
    private static final class Context {
        static final FhirContext R4 = FhirContext.forR4();
    }

    public static FhirContext context() {
        return Context.R4;
    }

    public String json(Conversation c, Instant now) {
        return context().newJsonParser().setPrettyPrint(true).encodeResourceToString(bundle(c, now));
    }

    Bundle bundle(Conversation c, Instant now) {
        Bundle bundle = new Bundle();
        bundle.setId(uuid("bundle/" + c.id() + "/" + now.toEpochMilli()));
        bundle.setType(Bundle.BundleType.COLLECTION);
        bundle.setTimestamp(Date.from(now));
        bundle.setIdentifier(new Identifier().setSystem(system + "/conversation").setValue(c.id()));
        CodeableConcept medium = medium(c.channel());
        for (Message m : messageStore.ofConversation(c.id())) {
            Communication comm = communication(c, m, medium);
            bundle.addEntry().setFullUrl("urn:uuid:" + comm.getIdElement().getIdPart()).setResource(comm);
        }
        return bundle;
    }

    private Communication communication(Conversation c, Message m, CodeableConcept medium) {
        Communication comm = new Communication();
        comm.setId(uuid("message/" + m.id()));
        comm.addIdentifier().setSystem(system + "/message").setValue(m.id());
        comm.setStatus(Communication.CommunicationStatus.COMPLETED);
        comm.setSubject(new Reference().setIdentifier(new Identifier().setSystem(system + "/conversation").setValue(c.id()))
                .setDisplay("Innbygger (samtale " + c.id() + ")"));
        comm.addMedium(medium.copy());
        comm.setSent(Date.from(m.at()));
        Reference citizen = new Reference().setDisplay("Innbygger");
        Reference service = new Reference().setDisplay(TextRecord.who(m.author()) + ", " + unit);
        if (m.direction() == Message.Direction.IN) {
            comm.setSender(citizen);
            comm.addRecipient(new Reference().setDisplay(unit));
            comm.setReceived(Date.from(m.at()));
        } else {
            comm.setSender(service);
            comm.addRecipient(citizen);
        }
        comm.addPayload().setContent(new org.hl7.fhir.r4.model.StringType(m.body()));
        return comm;
    }

    private static CodeableConcept medium(String channel) {
        boolean chat = !"sms".equals(channel);
        CodeableConcept concept = new CodeableConcept();
        concept.addCoding().setSystem(PARTICIPATION_MODE).setCode(chat ? "ONLINEWRIT" : "WRITTEN")
                .setDisplay(chat ? "online written" : "written");
        concept.setText(chat ? "nettprat" : "SMS");
        return concept;
    }

    private static String uuid(String name) {
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString();
    }
}
