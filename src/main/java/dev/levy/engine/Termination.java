package dev.levy.engine;

import dev.levy.model.Shipment;
import java.time.LocalDate;
import java.time.LocalTime;

/**
 * The end of a whole program ({@code terminations.csv}): entries at or after an instant owe none of its duties. The
 * instant has its own time of day because not every end falls at the usual 12:01 a.m. (IEEPA collection ended at 12:00
 * a.m. ET on its day, so an entry at 00:00 that day is already past it, though its regime date is the day before). The
 * program's duties are then inert for the rules, as a scenario's switched-off program is, and reported as not applied
 * with the reason and its citation.
 *
 * @param program  the program code that ends
 * @param endsOn   the day it ends
 * @param endsAt   the time of day on {@code endsOn} from which entries owe none of it
 * @param known    the day the end was published: the law as known before it still has the program
 * @param reason   the end in plain words
 * @param citation the instrument that ends it, as {@code sources.csv} cites it
 * @param mediumSources the id of that source when it is of medium confidence; empty when it is primary text
 */
public record Termination(String program, LocalDate endsOn, LocalTime endsAt, LocalDate known, String reason,
                          String citation, java.util.List<String> mediumSources) {

    /** Whether {@code s}, entered on its date at its time, is at or after the end. */
    public boolean ended(Shipment s) {
        int day = s.getEntryDate().compareTo(endsOn);
        return day > 0 || day == 0 && !s.getEntryTime().isBefore(endsAt);
    }

    /** Whether the law as known on {@code day} has the end; null is the final schedule, which has every one. */
    public boolean knownOn(LocalDate day) {
        return day == null || !known.isAfter(day);
    }

    /** The end in words: {@code 12:00 a.m. ET on 2026-02-24}. */
    public String instant() {
        int hour = endsAt.getHour() % 12 == 0 ? 12 : endsAt.getHour() % 12;
        return String.format("%d:%02d %s ET on %s", hour, endsAt.getMinute(), endsAt.getHour() < 12 ? "a.m." : "p.m.",
                endsOn);
    }
}
