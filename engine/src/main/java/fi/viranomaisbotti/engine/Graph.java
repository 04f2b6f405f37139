package fi.viranomaisbotti.engine;

import java.util.List;
import java.util.Map;

/**
 * The ecosystem map, or a part of it: life events, obligations, services and actors as nodes, and
 * how they connect as edges. Node ids are the knowledge ids. Immutable.
 *
 * @param at the day whose organisation the actors show (ISO date), or null for every actor the
 *     knowledge names, retired ones included
 * @param municipality the municipality whose regional and municipal units the actors name, or null
 */
public record Graph(
    String knowledgeVersion, String at, Recommendation.Place municipality, List<Node> nodes, List<Edge> edges) {

  /** Edge kinds, as they appear in {@link Edge#kind()}. */
  public static final String BRINGS = "brings";
  public static final String LEADS_TO = "leads-to";
  public static final String COMPETENT = "competent";
  public static final String PREREQUISITE = "prerequisite";
  public static final String PROVIDER = "provider";
  public static final String SUCCESSOR = "successor";
  /** A retired actor → an actor that took over part of its tasks (AVI → Ruokavirasto). */
  public static final String TASK_SUCCESSOR = "task-successor";

  public Graph {
    nodes = List.copyOf(nodes);
    edges = List.copyOf(edges);
  }

  /**
   * An event, obligation, service or actor. Fields a kind does not have are null.
   *
   * @param kind "event", "obligation", "service" or "actor"
   * @param name the Finnish name; {@code names} has it in every language the knowledge gives
   * @param status "draft" (not yet verified against its source) or "reviewed"
   * @param type an obligation's kind ("permit" …), a service's sector ("public" …) or an actor's
   *     type ("state_agency" …), in lower case
   * @param phase the life-cycle phase of an obligation or service, in lower case ("permits")
   * @param phases an event's phases, in order
   * @param url an obligation's e-service, a service's or actor's web page
   * @param unit the unit that serves the query's municipality (an actor organised by region)
   * @param active whether an actor exists on the query's day; null without a day
   */
  public record Node(
      String id,
      String kind,
      String name,
      Map<String, String> names,
      String status,
      String type,
      String phase,
      List<String> phases,
      String description,
      String legalBasis,
      String conditions,
      String source,
      String owner,
      String reviewed,
      String url,
      String validFrom,
      String validTo,
      String successor,
      String unit,
      Boolean active) {}

  /**
   * A connection: {@code brings} (an event's rules can conclude the obligation or service),
   * {@code leads-to} (an event's rules can conclude another event), {@code competent} (obligation →
   * the actor that handles it), {@code prerequisite} (obligation or service → what must come first),
   * {@code provider} (service → actor), {@code successor} (retired actor → the one that took over).
   *
   * @param via for a competent or provider edge drawn for a day, the actor the knowledge names when
   *     the edge leads to its predecessor or successor in force that day; else null
   */
  public record Edge(String from, String to, String kind, String via) {
    public Edge(String from, String to, String kind) {
      this(from, to, kind, null);
    }
  }
}
