package fi.viranomaisbotti.engine.impl;

import fi.viranomaisbotti.engine.BadInputException;
import fi.viranomaisbotti.engine.Graph;
import fi.viranomaisbotti.engine.Graph.Edge;
import fi.viranomaisbotti.engine.Graph.Node;
import fi.viranomaisbotti.engine.GraphGaps;
import fi.viranomaisbotti.engine.GraphGaps.Gap;
import fi.viranomaisbotti.engine.GraphQuery;
import fi.viranomaisbotti.engine.Recommendation;
import fi.viranomaisbotti.knowledge.Actor;
import fi.viranomaisbotti.knowledge.Item;
import fi.viranomaisbotti.knowledge.KnowledgeSnapshot;
import fi.viranomaisbotti.knowledge.LifeEvent;
import fi.viranomaisbotti.knowledge.Meta;
import fi.viranomaisbotti.knowledge.Municipality;
import fi.viranomaisbotti.knowledge.Obligation;
import fi.viranomaisbotti.knowledge.RegionLevel;
import fi.viranomaisbotti.knowledge.RuleFile;
import fi.viranomaisbotti.knowledge.RuleText;
import fi.viranomaisbotti.knowledge.Service;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The ecosystem map of one knowledge snapshot, built once: every event, obligation, service and
 * actor as a node, the links the items name (competent actor, provider, prerequisite, successor)
 * and the links the rules make (what an event's rules can conclude). The rule links are read from
 * the rule texts, not found by running them: a rule that tests an event, or an item reached from
 * it, can conclude its targets (a rule testing for an item's absence does not count), so
 * conditional items are on the map too. Read-only after construction; thread-safe.
 */
public final class EcosystemGraph {
  /** The node kinds, in the order nodes are listed. */
  public static final List<String> KINDS = List.of("event", "obligation", "service", "actor");

  private final KnowledgeSnapshot snapshot;
  private final Map<String, Node> nodes;
  private final List<Edge> edges;
  /** Items (obligations and services) some rule concludes. */
  private final Set<String> concludedByRules;

  public EcosystemGraph(KnowledgeSnapshot snapshot) {
    this.snapshot = snapshot;
    Map<String, Node> n = new LinkedHashMap<>();
    snapshot.events().values().forEach(e -> n.put(e.id(), node(e)));
    snapshot.obligations().values().forEach(o -> n.put(o.id(), node(o)));
    snapshot.services().values().forEach(s -> n.put(s.id(), node(s)));
    snapshot.actors().values().forEach(a -> n.put(a.id(), node(a)));
    this.nodes = Map.copyOf(n);
    List<RuleText.Declared> rules = new ArrayList<>();
    for (RuleFile f : snapshot.rules()) {
      rules.addAll(RuleText.read(f));
    }
    Set<String> concluded = new LinkedHashSet<>();
    rules.forEach(r -> r.targets().forEach(t -> concluded.add(t.id())));
    this.concludedByRules = Set.copyOf(concluded);
    List<Edge> e = new ArrayList<>(ruleEdges(snapshot, rules));
    for (Obligation o : snapshot.obligations().values()) {
      e.add(new Edge(o.id(), o.actor(), Graph.COMPETENT));
      o.prerequisites().forEach(p -> e.add(new Edge(o.id(), p, Graph.PREREQUISITE)));
    }
    for (Service s : snapshot.services().values()) {
      e.add(new Edge(s.id(), s.provider(), Graph.PROVIDER));
      s.prerequisites().forEach(p -> e.add(new Edge(s.id(), p, Graph.PREREQUISITE)));
    }
    for (Actor a : snapshot.actors().values()) {
      if (a.successor() != null) {
        e.add(new Edge(a.id(), a.successor(), Graph.SUCCESSOR));
      }
      a.taskSuccessors().forEach(t -> e.add(new Edge(a.id(), t.actor(), Graph.TASK_SUCCESSOR)));
    }
    this.edges = List.copyOf(e);
  }

  /**
   * For each event, the obligations and services its rules can conclude ({@code brings}) and the
   * events they can conclude ({@code leads-to}): rules are followed from the event through the
   * items they conclude, and stop at another event.
   */
  private static List<Edge> ruleEdges(KnowledgeSnapshot snapshot, List<RuleText.Declared> rules) {
    Map<String, List<RuleText.Declared>> byTested = new HashMap<>();
    for (RuleText.Declared r : rules) {
      r.tested().stream()
          .filter(t -> !t.absent() && !t.kind().equals("concept"))
          .map(RuleText.Reference::id)
          .distinct()
          .forEach(id -> byTested.computeIfAbsent(id, k -> new ArrayList<>()).add(r));
    }
    List<Edge> out = new ArrayList<>();
    for (String event : snapshot.events().keySet()) {
      Set<String> reached = new LinkedHashSet<>();
      Set<String> events = new LinkedHashSet<>();
      Deque<String> todo = new ArrayDeque<>(List.of(event));
      while (!todo.isEmpty()) {
        for (RuleText.Declared r : byTested.getOrDefault(todo.pop(), List.of())) {
          for (RuleText.Target t : r.targets()) {
            if (t.kind().equals("event")) {
              if (!t.id().equals(event)) {
                events.add(t.id());
              }
            } else if (reached.add(t.id())) {
              todo.add(t.id());
            }
          }
        }
      }
      reached.forEach(id -> out.add(new Edge(event, id, Graph.BRINGS)));
      events.forEach(id -> out.add(new Edge(event, id, Graph.LEADS_TO)));
    }
    return out;
  }

  /**
   * The part of the map a query asks for.
   *
   * @throws BadInputException naming an unknown event, municipality or kind
   */
  public Graph graph(GraphQuery query) {
    for (String k : query.kinds()) {
      if (!KINDS.contains(k)) {
        throw new BadInputException("Unknown kind '" + k + "'. Use one or more of " + String.join(", ", KINDS) + ".");
      }
    }
    if (query.event() != null && !snapshot.events().containsKey(query.event())) {
      throw new BadInputException("Unknown event '" + query.event() + "'. Use an event id such as 'yrityksen-perustaminen'.");
    }
    Municipality m = municipality(query.municipality());
    LocalDate at = query.at();
    List<Edge> dated = at == null ? edges : dated(at);
    Set<String> keep = query.event() == null ? present(at) : reachedFrom(query.event(), dated);
    if (!query.kinds().isEmpty()) {
      keep.removeIf(id -> !query.kinds().contains(nodes.get(id).kind()));
    }
    List<Node> outNodes = new ArrayList<>();
    for (String kind : KINDS) {
      for (String id : keep) {
        Node n = nodes.get(id);
        if (n.kind().equals(kind)) {
          outNodes.add(n.kind().equals("actor") ? withDay(n, snapshot.actors().get(id), m, at) : n);
        }
      }
    }
    List<Edge> outEdges = dated.stream().filter(e -> keep.contains(e.from()) && keep.contains(e.to())).toList();
    Recommendation.Place place = m == null ? null
        : new Recommendation.Place(m.code(), m.name().fi(), m.region(), m.vitalityCentre(), m.employmentArea(), m.wellbeingCounty(), null);
    return new Graph(snapshot.version(), at == null ? null : at.toString(), place, outNodes, outEdges);
  }

  /** Editors' list of what the map lacks, judging actors' validity on the given day. */
  public GraphGaps gaps(LocalDate at) {
    Map<String, Set<String>> brings = new HashMap<>();
    Set<String> reachedByEvents = new LinkedHashSet<>();
    for (Edge e : edges) {
      if (e.kind().equals(Graph.BRINGS)) {
        brings.computeIfAbsent(e.from(), k -> new LinkedHashSet<>()).add(e.to());
        reachedByEvents.add(e.to());
      }
    }
    List<Gap> emptyEvents = new ArrayList<>();
    for (LifeEvent e : snapshot.events().values()) {
      boolean viaOthers = reachedFrom(e.id(), edges).stream().anyMatch(id -> isItem(nodes.get(id)));
      if (!viaOthers) {
        emptyEvents.add(gap(e, "event", "Mikään sääntö ei tuo tähän elämäntapahtumaan velvoitetta tai palvelua."));
      }
    }
    List<Gap> noRule = new ArrayList<>();
    List<Gap> noEvent = new ArrayList<>();
    for (Item i : items()) {
      String kind = nodes.get(i.id()).kind();
      if (!concludedByRules.contains(i.id())) {
        noRule.add(gap(i, kind, "Mikään sääntö ei päättele tätä."));
      } else if (!reachedByEvents.contains(i.id())) {
        noEvent.add(gap(i, kind, "Säännöt päättelevät tämän, mutta eivät minkään elämäntapahtuman kautta."));
      }
    }
    List<Gap> retired = new ArrayList<>();
    for (Actor a : snapshot.actors().values()) {
      if (a.validTo() != null && at.isAfter(a.validTo()) && a.successor() == null) {
        retired.add(gap(a, "actor", "Toiminta päättyi " + a.validTo() + ", eikä seuraajaa ole merkitty."));
      }
    }
    List<Gap> noProvider = new ArrayList<>();
    for (Service s : snapshot.services().values()) {
      Actor p = snapshot.actors().get(s.provider());
      if (p == null) {
        noProvider.add(gap(s, "service", "Tarjoajaa '" + s.provider() + "' ei ole toimijoissa."));
      } else if (inForce(p, at).isEmpty()) {
        noProvider.add(gap(s, "service", "Tarjoaja '" + p.id() + "' tai sen seuraaja ei toimi " + at + "."));
      }
    }
    return new GraphGaps(snapshot.version(), at.toString(), emptyEvents, noRule, noEvent, retired, noProvider);
  }

  private List<Item> items() {
    List<Item> out = new ArrayList<>(snapshot.obligations().values());
    out.addAll(snapshot.services().values());
    return out;
  }

  private static boolean isItem(Node n) {
    return n != null && (n.kind().equals("obligation") || n.kind().equals("service"));
  }

  private static Gap gap(Item i, String kind, String note) {
    return new Gap(i.id(), kind, i.name().fi(), note);
  }

  private Municipality municipality(String codeOrName) {
    if (codeOrName == null) {
      return null;
    }
    return snapshot.municipality(codeOrName).orElseThrow(() -> new BadInputException(
        "Unknown municipality '" + codeOrName + "'. Use a 2026 municipality name or its three-digit code."));
  }

  /** Every node id, less the actors not in force on the day. */
  private Set<String> present(LocalDate at) {
    Set<String> out = new LinkedHashSet<>(nodes.keySet());
    if (at != null) {
      out.removeIf(id -> snapshot.actors().containsKey(id) && !snapshot.actors().get(id).activeOn(at));
    }
    return out;
  }

  /**
   * The edges as they stood on a day: edges to an actor not in force then lead to the actor in
   * force instead (its successor, or the predecessors it replaced), and other edges touching it go.
   */
  private List<Edge> dated(LocalDate at) {
    List<Edge> out = new ArrayList<>();
    for (Edge e : edges) {
      Actor to = snapshot.actors().get(e.to());
      boolean handledBy = e.kind().equals(Graph.COMPETENT) || e.kind().equals(Graph.PROVIDER);
      if (handledBy && to != null && !to.activeOn(at)) {
        inForce(to, at).forEach(a -> out.add(new Edge(e.from(), a.id(), e.kind(), to.id())));
      } else if (activeOrNotActor(e.from(), at) && activeOrNotActor(e.to(), at)) {
        out.add(e);
      }
    }
    return out;
  }

  private boolean activeOrNotActor(String id, LocalDate at) {
    Actor a = snapshot.actors().get(id);
    return a == null || a.activeOn(at);
  }

  /**
   * The actors doing an actor's work on a day: itself if it exists then; its successor chain once it
   * has retired; the predecessors it replaced before it began (several, when it merged them).
   */
  private List<Actor> inForce(Actor a, LocalDate at) {
    List<Actor> out = new ArrayList<>();
    collectInForce(a, at, out, 0);
    return out;
  }

  private void collectInForce(Actor a, LocalDate at, List<Actor> out, int depth) {
    if (a == null || depth > 10) {
      return;
    }
    if (a.activeOn(at)) {
      if (!out.contains(a)) {
        out.add(a);
      }
    } else if (a.validTo() != null && at.isAfter(a.validTo())) {
      collectInForce(snapshot.actors().get(a.successor() == null ? "" : a.successor()), at, out, depth + 1);
    } else {
      for (Actor p : snapshot.actors().values()) {
        if (a.id().equals(p.successor())) {
          collectInForce(p, at, out, depth + 1);
        }
      }
    }
  }

  /**
   * Everything reachable from an event: the events it leads to, what they bring, the
   * prerequisites of that, the actors of all of it and their successors.
   */
  private Set<String> reachedFrom(String event, List<Edge> over) {
    Map<String, List<Edge>> from = new HashMap<>();
    over.forEach(e -> from.computeIfAbsent(e.from(), k -> new ArrayList<>()).add(e));
    Set<String> seen = new LinkedHashSet<>(List.of(event));
    Deque<String> todo = new ArrayDeque<>(List.of(event));
    while (!todo.isEmpty()) {
      for (Edge e : from.getOrDefault(todo.pop(), List.of())) {
        if (seen.add(e.to())) {
          todo.add(e.to());
        }
      }
    }
    return seen;
  }

  private static Node withDay(Node n, Actor a, Municipality m, LocalDate at) {
    String unit = m == null || a.competence() == RegionLevel.NATIONAL ? null : a.unitFor(m);
    Boolean active = at == null ? null : a.activeOn(at);
    return new Node(n.id(), n.kind(), n.name(), n.names(), n.status(), n.type(), n.phase(), n.phases(), n.description(),
        n.legalBasis(), n.conditions(), n.source(), n.owner(), n.reviewed(), n.url(), n.validFrom(), n.validTo(),
        n.successor(), unit, active);
  }

  private static Node node(LifeEvent e) {
    return new Node(e.id(), "event", e.name().fi(), e.name().asMap(), status(e.meta()), null, null,
        e.phases().stream().map(EcosystemGraph::lower).toList(), e.description(), null, null, e.meta().source(),
        e.meta().owner(), String.valueOf(e.meta().reviewed()), null, null, null, null, null, null);
  }

  private static Node node(Obligation o) {
    return new Node(o.id(), "obligation", o.name().fi(), o.name().asMap(), status(o.meta()), lower(o.kind()),
        lower(o.phase()), null, o.description(), o.legalBasis(), o.conditions(), o.meta().source(), o.meta().owner(),
        String.valueOf(o.meta().reviewed()), o.eService(), null, null, null, null, null);
  }

  private static Node node(Service s) {
    return new Node(s.id(), "service", s.name().fi(), s.name().asMap(), status(s.meta()), lower(s.sector()),
        s.phase() == null ? null : lower(s.phase()), null, s.description(), null, null, s.meta().source(),
        s.meta().owner(), String.valueOf(s.meta().reviewed()), s.url(), null, null, null, null, null);
  }

  private static Node node(Actor a) {
    return new Node(a.id(), "actor", a.name().fi(), a.name().asMap(), status(a.meta()), lower(a.type()), null, null,
        a.description(), null, null, a.meta().source(), a.meta().owner(), String.valueOf(a.meta().reviewed()), a.url(),
        a.validFrom() == null ? null : a.validFrom().toString(), a.validTo() == null ? null : a.validTo().toString(),
        a.successor(), null, null);
  }

  private static String status(Meta meta) {
    return lower(meta.status());
  }

  private static String lower(Enum<?> e) {
    return e.name().toLowerCase(Locale.ROOT);
  }
}
