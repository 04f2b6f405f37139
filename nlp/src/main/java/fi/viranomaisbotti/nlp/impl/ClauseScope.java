package fi.viranomaisbotti.nlp.impl;

import fi.viranomaisbotti.nlp.Modality;
import fi.viranomaisbotti.nlp.Token;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Decides, clause by clause, whether the words of a sentence are stated, denied, asked or only
 * supposed. A sentence is cut into clauses at punctuation and conjunctions; a clause is negated
 * by a negation verb in it ("en", "enkä", "eikä", "ettei") and a clause without its own finite
 * verb continues the one before ("en myy alkoholia, tupakkaa enkä nuuskaa", "en aio palkata
 * ketään ja myydä viinaa"). A negation denies what the clause says of its subject or object, not
 * where it happens: "kahvilassa ei soi musiikki" denies the music, not the café. A question word
 * asks about something the customer takes as given ("mitä lupia sikala tarvitsee?"); only a
 * yes-or-no question leaves its words open ("tarvitsenko anniskeluluvan?"). A clause that says
 * the customer has something already ("minulla on jo kahvila", "olen jo rekisteröitynyt") marks
 * its words as existing; so does one that says it without "jo" by owning or running it ("meillä on
 * taksiyritys", "omistan kuljetusyrityksen", "pyöritän kahvilaa", "sain työsopimuksen"), when the
 * thing is the clause's subject or object and nothing in the clause is only planned ("minulla on
 * tarkoitus avata kahvila", "minulla on kahvila mielessä"). The one a thing is sold or delivered to is a customer, not the speaker's
 * business: in "myyn kalaa ravintoloille" the restaurants are the buyers, so their nouns are
 * marked as another party's. Stateless and thread-safe.
 */
final class ClauseScope {
  private static final Set<String> BOUNDARY_PUNCT = Set.of(",", ";", ":", "(", ")", "–", "—", "-", ".", "!", "?");
  /** Conjunctions that continue the previous clause's negation or condition when no verb follows. */
  private static final Set<String> ADDITIVE = Set.of("ja", "sekä", "tai", "eli", "taikka", "saati");
  /** Conjunctions that set their clause against the previous one: "en myy viinaa vaan kahvia". */
  private static final Set<String> CONTRASTIVE = Set.of("mutta", "vaan", "kuitenkin", "paitsi");
  private static final Set<String> SUBORDINATORS =
      Set.of("koska", "kun", "että", "jotta", "vaikka", "kunnes", "joten", "sillä", "jolloin", "joka", "kuin", "jos", "mikäli",
          "ellei", "jollei", "ettei", "jottei", "vaikkei", "koskei", "kunnei");
  private static final Set<String> CONDITIONAL_OPENERS = Set.of("jos", "mikäli", "jollei", "ellei");
  private static final Set<String> HEDGES =
      Set.of("ehkä", "kenties", "mahdollisesti", "ehkäpä", "saattaa", "harkita", "miettiä", "pohtia", "mahdollisuus");
  /** Verbs whose conditional mood is politeness, not a supposition: "haluaisin avata kahvilan". */
  private static final Set<String> POLITE_CONDITIONAL = Set.of("haluta", "tahtoa", "toivoa", "tarvita");
  private static final Set<String> QUESTION_WORDS =
      Set.of("mikä", "kuka", "kumpi", "miten", "kuinka", "milloin", "miksi", "millainen", "minkälainen", "paljonko",
          "montako", "mihin", "missä", "mistä", "mitä", "mille", "miltä", "millä", "mitkä", "kenelle", "keneltä", "kenen",
          "monta", "mites", "mitäs", "missäs");
  /** "en vielä palkkaa", "en palkkaa ennen syksyä": not now, which leaves later open. */
  private static final Set<String> DEFERRING_IN_NEGATION = Set.of("vielä", "toistaiseksi", "ainakaan", "ennen");
  private static final Set<String> DEFERRING = Set.of("vasta", "myöhemmin", "tulevaisuudessa", "myöhempi");
  /** Words that say a thing is there already: "minulla on jo kahvila", "tilalla on ennestään sikala". */
  private static final Set<String> ALREADY = Set.of("jo", "ennestään", "entuudestaan", "valmiiksi", "nykyään", "nykyisin");
  /** Verbs of having or running what is there: "minulla on jo", "omistan jo", "pyöritän jo". */
  private static final Set<String> HAVING = Set.of("olla", "omistaa", "pyörittää", "ylläpitää", "harjoittaa", "hallita");
  /** Verbs that say by themselves that the thing is the customer's now: "omistan taksiyrityksen". */
  private static final Set<String> OWNING = Set.of("omistaa", "pyörittää", "ylläpitää", "harjoittaa");
  /** The personal pronouns whose adessive is a possessor: "minulla on", "meillä on". */
  private static final Set<String> POSSESSORS = Set.of("minä", "me", "sinä", "te", "hän", "he");
  /** An adessive with a possessive suffix, a possessor too: "perheelläni on", "yrityksellämme on". */
  private static final Pattern ADESSIVE_WITH_SUFFIX = Pattern.compile(".*ll[aä](ni|si|mme|nne|nsa|nsä|an|än)");
  /** Words that make a possession a plan or a want: "minulla on tarkoitus…", "…kahvila mielessä". */
  private static final Set<String> PLANNED = Set.of("tarkoitus", "aikomus", "aie", "suunnitelma", "haave", "unelma", "idea",
      "ajatus", "tavoite", "tarve", "mielessä", "suunnitteilla", "tulossa", "aikeissa", "edessä", "haaveissa", "tiedossa",
      "kysymys", "ongelma", "mahdollisuus");
  /**
   * Genitive personal pronouns that make the next noun the customer's own: "meidän ravintola myy",
   * also spoken ("meiän", "mun").
   */
  private static final Set<String> GENITIVE_POSSESSORS =
      Set.of("minun", "meidän", "meiän", "mun", "sinun", "teidän", "hänen", "heidän");
  /** Verbs that start what they are said of, so its noun is not had yet: "meidän kahvila avataan". */
  private static final Set<String> STARTING =
      Set.of("avata", "aueta", "aloittaa", "alkaa", "perustaa", "käynnistää", "rakentaa", "tulla", "valmistua");
  /** The cases of a subject or an object: nominative, genitive (the total object) and partitive. */
  private static final Set<String> CORE_CASES = Set.of("nimento", "omanto", "osanto");
  /** Verbs of selling or delivering whose allative names the buyer: "myyn kalaa ravintoloille". */
  private static final Set<String> SUPPLYING = Set.of("myydä", "toimittaa", "kaupata", "tarjota", "välittää");
  /** The allative, with or without a possessive suffix: ravintolalle, ravintoloille, kaupoillemme. */
  private static final Pattern ALLATIVE = Pattern.compile(".*lle(ni|si|mme|nne|nsa|nsä|an|än|en)?");
  /** The local cases, with or without a possessive suffix: kahvilassa, tilalla, ravintolastani. */
  private static final Pattern LOCAL_CASE =
      Pattern.compile(".*((ss|st|ll|lt)[aä]|lle)(ni|si|mme|nne|nsa|nsä|an|än|en)?");
  // Compiled once: these run on every verb of every turn.
  private static final Pattern THIRD_INFINITIVE =
      Pattern.compile(".*m[aä](an|än|ssa|ssä|sta|stä|lla|llä|tta|ttä|isillaan|isillään)");
  private static final Pattern OTHER_INFINITIVES = Pattern.compile(".*(ess[aä]|[td]en|[aä]ksee[n]?|[aä]kse(ni|si|mme|nne))");
  private static final Pattern CONDITIONAL = Pattern.compile(".*isi(n|t|mme|tte|vat|vät|)(ko|kö|pa|pä|han|hän|kin|kaan|kään)?");

  /**
   * The scope marks of one sentence, position by position.
   *
   * @param tokens the sentence's tokens with {@link Token#negated()} set by this scope
   * @param modalities the modality of each token
   * @param deferred whether each token was put off rather than ruled out or asserted now
   * @param existing whether each token names something the customer has already
   * @param otherParty whether each token names the one something is sold or delivered to, not the
   *     customer's own: "ravintoloille" in "myyn kalaa ravintoloille"
   * @param question whether the sentence asks anything
   */
  record Marks(
      List<Token> tokens, List<Modality> modalities, List<Boolean> deferred, List<Boolean> existing, List<Boolean> otherParty,
      boolean question) {
    Marks {
      tokens = List.copyOf(tokens);
      modalities = List.copyOf(modalities);
      deferred = List.copyOf(deferred);
      existing = List.copyOf(existing);
      otherParty = List.copyOf(otherParty);
    }
  }

  private static final class Clause {
    final int from;
    int to;
    String opener = "";
    boolean negated;
    int negationFrom;
    boolean finite;
    boolean conditional;
    boolean question;
    /** Asked with a question word: what it says of its words is taken as given. */
    boolean askedWithQuestionWord;
    boolean deferred;
    boolean already;
    boolean having;
    /** It has a possessor and "olla" ("meillä on taksiyritys") or an owning verb ("omistan"). */
    boolean possessing;
    boolean possessor;
    boolean be;
    /** A verb that is not finite ("avata", "myymään"): what it names is to come, not had. */
    boolean infinitive;
    boolean planned;
    /** Its verb starts or founds something ("avataan", "perustamme"). */
    boolean starting;
    /** Its verb sells or delivers something, so an allative in it names the buyer. */
    boolean supplying;
    boolean afterPunctuation;

    Clause(int from) {
      this.from = from;
      this.to = from;
      this.negationFrom = from;
    }
  }

  /**
   * Marks one sentence.
   *
   * @param endsWithQuestionMark whether the sentence ends in "?"
   */
  public Marks mark(List<Token> tokens, boolean endsWithQuestionMark) {
    return mark(tokens, endsWithQuestionMark, List.of());
  }

  /**
   * Marks one sentence whose words' grammatical cases are known, so that a thing owned without
   * "jo" ("meillä on taksiyritys") is marked existing when it is the clause's subject or object.
   *
   * @param cases the case of each token as the analyser names it ("nimento"), "" for none; empty
   *     when not known
   */
  public Marks mark(List<Token> tokens, boolean endsWithQuestionMark, List<String> cases) {
    List<Clause> clauses = split(tokens);
    boolean explicitQuestion = false;
    for (Clause c : clauses) {
      read(c, tokens, cases);
      explicitQuestion |= c.question;
    }
    Clause previous = null;
    for (Clause c : clauses) {
      if (previous != null && !c.finite && !c.negated && !CONTRASTIVE.contains(c.opener)
          && !SUBORDINATORS.contains(c.opener)) {
        // An elliptic clause ("…, tupakkaa tai nuuskaa") shares the verb and the polarity of the one before.
        c.negated = previous.negated;
        c.negationFrom = c.from;
        c.deferred |= previous.deferred;
        c.question |= previous.question;
        c.askedWithQuestionWord |= previous.askedWithQuestionWord;
      }
      if (previous != null && !c.finite && ADDITIVE.contains(c.opener) && previous.already && previous.having) {
        c.already = true; // "minulla on jo kahvila ja toiminimi"
        c.having = true;
      }
      if (previous != null && !c.finite && ADDITIVE.contains(c.opener) && previous.possessing && !previous.infinitive
          && !previous.planned) {
        c.possessing = true; // "meillä on taksiyritys ja kuljetusliike"
      }
      if (previous != null && !c.finite && ADDITIVE.contains(c.opener) && previous.supplying) {
        c.supplying = true; // "myyn kalaa ravintoloille ja kaupoille"
      }
      if (previous != null && previous.conditional && !c.afterPunctuation && ADDITIVE.contains(c.opener)) {
        c.conditional = true; // "jos palkkaan työntekijän ja myyn alkoholia, …"
      }
      if (!explicitQuestion && endsWithQuestionMark && !c.conditional) {
        c.question = true;
      }
      previous = c;
    }
    List<Token> out = new ArrayList<>(tokens.size());
    List<Modality> modalities = new ArrayList<>(tokens.size());
    List<Boolean> deferred = new ArrayList<>(tokens.size());
    List<Boolean> existing = new ArrayList<>(tokens.size());
    List<Boolean> otherParty = new ArrayList<>(tokens.size());
    boolean anyQuestion = false;
    for (Clause c : clauses) {
      anyQuestion |= c.question;
      boolean arguments = c.negated && hasCoreArgument(c, tokens);
      for (int i = c.from; i < c.to; i++) {
        Token t = tokens.get(i);
        // Where the denied thing is (not) done is not denied when the clause names that thing.
        boolean negated = c.negated && i >= c.negationFrom && !(arguments && isLocative(t));
        out.add(t.negated() == negated ? t : withNegated(t, negated));
        modalities.add(c.conditional ? Modality.CONDITIONAL
            : c.question && !c.askedWithQuestionWord ? Modality.QUESTION
            : negated ? Modality.NEGATED
            : Modality.STATEMENT);
        deferred.add(c.deferred);
        boolean owned = c.possessing && !c.infinitive && !c.planned && i < cases.size() && CORE_CASES.contains(cases.get(i))
            && t.isWord() && !POSSESSORS.contains(lower(t.lemma()));
        existing.add((c.already && c.having || owned || ownedByGenitive(c, tokens, cases, i))
            && !negated && !c.conditional && !c.question);
        otherParty.add(c.supplying && isAllative(t));
      }
    }
    return new Marks(out, modalities, deferred, existing, otherParty, anyQuestion || endsWithQuestionMark);
  }

  /**
   * A noun in the nominative right after a genitive personal pronoun, in a clause whose finite verb
   * neither starts nor plans anything: "meidän ravintola myy jatkossa myös kotiinkuljetuksia" says the
   * restaurant is there already (and only the restaurant: the deliveries are new).
   */
  private static boolean ownedByGenitive(Clause c, List<Token> tokens, List<String> cases, int i) {
    if (i == 0 || i >= cases.size() || !c.finite || c.starting || c.planned || c.infinitive) {
      return false;
    }
    Token t = tokens.get(i);
    Token before = tokens.get(i - 1);
    return "NOUN".equals(t.pos()) && "nimento".equals(cases.get(i))
        && GENITIVE_POSSESSORS.contains(lower(before.text()));
  }

  private static List<Clause> split(List<Token> tokens) {
    List<Clause> clauses = new ArrayList<>();
    Clause current = new Clause(0);
    boolean punctuation = false;
    for (int i = 0; i < tokens.size(); i++) {
      Token t = tokens.get(i);
      String word = lower(t.text());
      boolean punct = !t.isWord() && BOUNDARY_PUNCT.contains(t.text());
      boolean opener = ADDITIVE.contains(word) || CONTRASTIVE.contains(word) || SUBORDINATORS.contains(word)
          || isNegationVerb(t) && (word.endsWith("kä") || word.endsWith("ka")) && i > 0;
      if ((punct || opener) && i > current.from) {
        current.to = i;
        clauses.add(current);
        current = new Clause(i);
        current.afterPunctuation = punctuation;
        punctuation = false;
      }
      if (punct) {
        punctuation = true;
      }
      if (opener && current.opener.isEmpty()) {
        current.opener = word;
        current.afterPunctuation |= punctuation;
      }
    }
    current.to = tokens.size();
    if (current.to > current.from) {
      clauses.add(current);
    }
    return clauses;
  }

  private static void read(Clause c, List<Token> tokens, List<String> cases) {
    boolean first = true;
    Token before = null;
    int beforeAt = -1;
    for (int i = c.from; i < c.to; i++) {
      Token t = tokens.get(i);
      if (!t.isWord()) {
        continue;
      }
      if (before != null && isThirdPersonLikeInfinitive(t) && isSubject(before, beforeAt, cases)) {
        c.finite = true; // "…, vaimo auttaa": a verb of its own, so the clause does not continue the one before
      }
      before = t;
      beforeAt = i;
      String word = lower(t.text());
      String lemma = lower(t.lemma());
      if (isNegationVerb(t)) {
        if (!c.negated) {
          c.negated = true;
          c.negationFrom = c.from;
        }
        c.finite = true;
      } else if ((lemma.equals("ilman") || word.equals("ilman")) && !c.negated) {
        c.negated = true;
        c.negationFrom = i + 1;
      }
      if (isFiniteVerb(t)) {
        c.finite = true;
        if (isConditionalMood(t) && !POLITE_CONDITIONAL.contains(lemma) && !hasQuestionClitic(word)) {
          c.conditional = true;
        }
      }
      if (hasQuestionClitic(word) && ("VERB".equals(t.pos()) || "AUX".equals(t.pos()))) {
        c.question = true;
      }
      if (first && (QUESTION_WORDS.contains(word) || QUESTION_WORDS.contains(lemma) && "PRON".equals(t.pos()) && i == 0)) {
        c.question = true;
        c.askedWithQuestionWord = !c.negated;
      }
      if (ALREADY.contains(word)) {
        c.already = true;
      }
      if (HAVING.contains(lemma) && ("VERB".equals(t.pos()) || "AUX".equals(t.pos()))) {
        c.having = true;
      }
      if (isFiniteVerb(t) && (OWNING.contains(lemma) || lemma.equals("saada") && word.startsWith("sai"))) {
        c.possessing = true; // "omistan taksiyrityksen", "sain työsopimuksen" (the past of saada)
      }
      if (("VERB".equals(t.pos()) || "AUX".equals(t.pos())) && !isFiniteVerb(t) && !isNegationVerb(t)) {
        c.infinitive = true;
      }
      if (PLANNED.contains(lemma) || PLANNED.contains(word)) {
        c.planned = true;
      }
      if (STARTING.contains(lemma) && ("VERB".equals(t.pos()) || "AUX".equals(t.pos()))) {
        c.starting = true;
      }
      if ("PRON".equals(t.pos()) && POSSESSORS.contains(lemma) && (word.endsWith("lla") || word.endsWith("llä"))
          || "NOUN".equals(t.pos()) && ADESSIVE_WITH_SUFFIX.matcher(word).matches()) {
        c.possessor = true; // "minulla", "meillä", "perheelläni"
      }
      if (lemma.equals("olla") && isFiniteVerb(t)) {
        c.be = true;
      }
      if (SUPPLYING.contains(lemma) && "VERB".equals(t.pos())) {
        c.supplying = true;
      }
      if (HEDGES.contains(lemma) || HEDGES.contains(word)) {
        c.conditional = true;
      }
      if (CONDITIONAL_OPENERS.contains(word) && first) {
        c.conditional = true;
      }
      if (DEFERRING.contains(word) || DEFERRING.contains(lemma)) {
        c.deferred = true;
      }
      if (!CONTRASTIVE.contains(word) && !ADDITIVE.contains(word) && !SUBORDINATORS.contains(word)) {
        first = false;
      }
    }
    if (c.possessor && c.be) {
      c.possessing = true; // "meillä on taksiyritys"
    }
    if (c.negated) {
      for (int i = c.from; i < c.to; i++) {
        if (DEFERRING_IN_NEGATION.contains(lower(tokens.get(i).text()))) {
          c.deferred = true;
        }
      }
    }
  }

  /** Whether the clause names a subject or an object besides places: "kahvilassa ei soi musiikki". */
  private static boolean hasCoreArgument(Clause c, List<Token> tokens) {
    for (int i = c.negationFrom; i < c.to; i++) {
      Token t = tokens.get(i);
      if (("NOUN".equals(t.pos()) || "PROPN".equals(t.pos()) || "X".equals(t.pos())) && !isLocative(t)) {
        return true;
      }
    }
    return false;
  }

  /** A noun in a local case (inessive, elative, adessive, ablative, allative): where, not what. */
  static boolean isLocative(Token t) {
    if (!"NOUN".equals(t.pos()) && !"PROPN".equals(t.pos())) {
      return false;
    }
    String word = lower(t.text());
    return !word.equals(lower(t.lemma())) && LOCAL_CASE.matcher(word).matches();
  }

  /** A noun in the allative: to whom, as in "myyn kalaa ravintoloille". */
  static boolean isAllative(Token t) {
    if (!"NOUN".equals(t.pos()) && !"PROPN".equals(t.pos())) {
      return false;
    }
    String word = lower(t.text());
    return !word.equals(lower(t.lemma())) && ALLATIVE.matcher(word).matches();
  }

  /** The negation verb in any person, alone or fused with a conjunction: en, ei, enkä, eikä, ettei, jollei. */
  static boolean isNegationVerb(Token t) {
    return "kieltosana".equals(t.wordClass()) || "AUX".equals(t.pos()) && "ei".equals(lower(t.lemma()));
  }

  /**
   * Whether a verb form is finite: not the dictionary form (the first infinitive is the lemma)
   * and not a third-infinitive or second-infinitive form ("palkkaamaan", "palkaten").
   */
  static boolean isFiniteVerb(Token t) {
    if (!"VERB".equals(t.pos()) && !"AUX".equals(t.pos())) {
      return false;
    }
    String word = lower(t.text());
    if (word.equals(lower(t.lemma()))) {
      return false;
    }
    return !THIRD_INFINITIVE.matcher(word).matches() && !OTHER_INFINITIVES.matcher(word).matches();
  }

  /**
   * A verb written as its dictionary form that is also its third person singular present: the
   * verbs whose first infinitive ends in a long vowel ("auttaa", "haluaa", "ostaa"), so "vaimo
   * auttaa" has a finite verb though the form equals the lemma.
   */
  static boolean isThirdPersonLikeInfinitive(Token t) {
    if (!"VERB".equals(t.pos())) {
      return false;
    }
    String word = lower(t.text());
    return word.equals(lower(t.lemma())) && (word.endsWith("aa") || word.endsWith("ää"));
  }

  /** A noun or a third-person pronoun in the nominative (when the cases are known) that can be a verb's subject. */
  private static boolean isSubject(Token t, int at, List<String> cases) {
    boolean noun = "NOUN".equals(t.pos()) || "PROPN".equals(t.pos())
        || "PRON".equals(t.pos()) && Set.of("hän", "he", "se", "ne").contains(lower(t.lemma()));
    return noun && (at >= cases.size() ? lower(t.text()).equals(lower(t.lemma())) : "nimento".equals(cases.get(at)));
  }

  /** The conditional mood, recognised by its -isi- before the personal ending: palkkaisin, voisimme, olisi. */
  static boolean isConditionalMood(Token t) {
    return CONDITIONAL.matcher(lower(t.text())).matches();
  }

  static boolean hasQuestionClitic(String word) {
    return word.length() > 3 && (word.endsWith("ko") || word.endsWith("kö") || word.endsWith("kos") || word.endsWith("kös"));
  }

  private static Token withNegated(Token t, boolean negated) {
    return new Token(
        t.text(), t.start(), t.end(), t.lemma(), t.pos(), t.wordClass(), t.compoundParts(), t.known(),
        t.correctedFrom(), t.alternatives(), t.concepts(), negated);
  }

  private static String lower(String s) {
    return s.toLowerCase(Locale.ROOT);
  }
}
