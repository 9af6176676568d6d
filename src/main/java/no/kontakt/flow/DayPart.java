package no.kontakt.flow;

/** A part of the day citizens name instead of a clock time ("formiddag", "evening"), as minutes of the day. */
enum DayPart {
    /** morgen, morgon, morning, tidlig, early: 08–10. */
    MORNING(8, 10),
    /** formiddag, føremiddag, förmiddag, forenoon ("before lunch" reads as 08–12 too): 08–12. */
    FORENOON(8, 12),
    /** lunsj, lunch (and "frokost" in Danish): 11–13. */
    LUNCH(11, 13),
    /** ettermiddag, eftermiddag, afternoon: 12–17. */
    AFTERNOON(12, 17),
    /** middag, dinner (the evening meal in all five languages; "etter middag" is after 17:00): 16–17. */
    DINNER(16, 17),
    /** kveld, kväll, aften, evening, tonight: 17–21. */
    EVENING(17, 21),
    /** dagtid, daytime: 08–16. */
    DAYTIME(8, 16);

    final int start;
    final int end;

    DayPart(int startHour, int endHour) {
        this.start = startHour * 60;
        this.end = endHour * 60;
    }
}
