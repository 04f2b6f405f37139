package fi.viranomaisbotti.engine;

import java.time.LocalDate;
import java.util.Set;

/**
 * Which part of the ecosystem map to draw. Every part is optional: the empty query is the whole
 * map with every actor the knowledge names.
 *
 * @param event only this event, the events its rules lead to, what they bring, the prerequisites
 *     of that and the actors of all of it; null for every event
 * @param municipality a municipality's name or code: actors then name the unit that serves it
 * @param kinds node kinds to keep ("event", "obligation", "service", "actor"); empty for all
 * @param at the organisation in force on this day: retired and future actors are left out and
 *     their edges lead to the actor in force; null for all actors
 */
public record GraphQuery(String event, String municipality, Set<String> kinds, LocalDate at) {
  public static final GraphQuery ALL = new GraphQuery(null, null, Set.of(), null);

  public GraphQuery {
    kinds = kinds == null ? Set.of() : Set.copyOf(kinds);
  }
}
