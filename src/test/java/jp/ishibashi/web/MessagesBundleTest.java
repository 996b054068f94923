package jp.ishibashi.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import jp.ishibashi.account.Invitation;
import jp.ishibashi.agreement.Agreement;
import jp.ishibashi.agreement.Verdict;
import jp.ishibashi.audit.ChainVerification;
import jp.ishibashi.change.ChangeRequest;
import jp.ishibashi.change.pricing.BreakdownLine;
import jp.ishibashi.delivery.Delivery;
import jp.ishibashi.tenant.Role;
import jp.ishibashi.workorder.LineState;
import jp.ishibashi.workorder.Ending;
import jp.ishibashi.workorder.Party;
import jp.ishibashi.workorder.ScopeLine;
import jp.ishibashi.workorder.Unit;
import jp.ishibashi.workorder.WorkOrder;
import jp.ishibashi.workorder.WorkOrderStatus;
import org.junit.jupiter.api.Test;

class MessagesBundleTest {

  private static final List<String> BUNDLES =
      List.of("messages.properties", "messages_ja.properties");

  /**
   * What completes each key prefix that pages concatenate ({@code msg['prefix.'.concat(x)]}): the
   * enum whose constant {@code x} is, read at run time (so a constant added or removed is followed
   * without editing this test), or the values of a string written in Java code. Every prefix the
   * pages use must be listed here.
   */
  private static final Map<String, List<String>> DYNAMIC_PREFIXES = new LinkedHashMap<>();

  static {
    DYNAMIC_PREFIXES.put("agreement.state.", constants(Agreement.State.class));
    DYNAMIC_PREFIXES.put("audit.reason.", constants(ChainVerification.Reason.class));
    // ChangePanel.redline: RedlineRow.change.
    // How a cancelled order ended, and the three ways a side may end it (cancel-panel.xhtml).
    DYNAMIC_PREFIXES.put("cancel.endedBy.", constants(Ending.class));
    DYNAMIC_PREFIXES.put("cancel.hint.", List.of("CANCEL", "TERMINATE", "WITHDRAW"));
    DYNAMIC_PREFIXES.put("cancel.submit.", List.of("CANCEL", "TERMINATE", "WITHDRAW"));
    DYNAMIC_PREFIXES.put("change.redline.", List.of("ADDED", "CHANGED", "UNCHANGED", "REMOVED"));
    DYNAMIC_PREFIXES.put("change.state.", constants(ChangeRequest.State.class));
    // ProposeChangePage.getEditTypes(), the types ChangeProposal.ChangeEdit.type takes.
    DYNAMIC_PREFIXES.put(
        "change.type.",
        List.of("ADD_LINE", "MODIFY_LINE", "REMOVE_LINE", "MOVE_DUE_DATE", "CANCEL_REMAINING"));
    DYNAMIC_PREFIXES.put("delivery.state.", constants(Delivery.State.class));
    // invitation.xhtml shows it only when the invitation is not open, that is not PENDING.
    DYNAMIC_PREFIXES.put(
        "invitation.closed.", except(constants(Invitation.Status.class), "PENDING"));
    // LineContent.changedFrom: the fields of a line that changed (HistoryEntry.Change.field).
    DYNAMIC_PREFIXES.put(
        "line.",
        List.of("text", "deliverable", "acceptanceCriteria", "quantity", "unit", "unitPrice"));
    DYNAMIC_PREFIXES.put("line.action.", constants(ScopeLine.Action.class));
    DYNAMIC_PREFIXES.put("line.proposedBy.", constants(Party.class));
    DYNAMIC_PREFIXES.put("line.state.", constants(LineState.class));
    DYNAMIC_PREFIXES.put("party.", constants(Party.class));
    // QuoteSnapshot.Item.kind is the name of a BreakdownLine.Kind.
    DYNAMIC_PREFIXES.put("quote.kind.", constants(BreakdownLine.Kind.class));
    // InvitationsPage.getRoles() offers every Role.
    DYNAMIC_PREFIXES.put("role.", constants(Role.class));
    DYNAMIC_PREFIXES.put("status.", constants(Invitation.Status.class));
    DYNAMIC_PREFIXES.put("unit.", constants(Unit.class));
    DYNAMIC_PREFIXES.put("verify.heading.", constants(Verdict.Outcome.class));
    DYNAMIC_PREFIXES.put("verify.outcome.", constants(Verdict.Outcome.class));
    DYNAMIC_PREFIXES.put("workOrder.status.", constants(WorkOrderStatus.class));
    DYNAMIC_PREFIXES.put("workOrder.termsState.", constants(WorkOrder.TermsState.class));
  }

  /**
   * Pages that use a whole key from Java code ({@code msg[expression]}), by the expression as
   * written in the page, with the keys that the code gives it.
   */
  private static final Map<String, List<String>> DYNAMIC_KEYS =
      Map.of(
          // work-order.xhtml: WorkOrder.missingTerms().
          "m",
          List.of(
              "terms.subcontractor",
              "terms.commissionedOn",
              "terms.lines",
              "terms.deliverable",
              "terms.deliveryDate",
              "terms.placeOfDelivery",
              "terms.fee",
              "terms.paymentDueDate"),
          // verify.xhtml: Verifications.reason.
          "v.reason()",
          List.of(
              "verify.reason.damaged",
              "verify.reason.signatureBroken",
              "verify.reason.appended",
              "verify.reason.unknown"),
          // change-panel.xhtml: ChangePanel.redline, Difference.field.
          "d.field()",
          List.of("line.text", "line.acceptanceCriteria", "line.quantity", "line.unitPrice"));

  /** Any use of the bundle in a page: {@code msg[…]} (nothing in the pages nests brackets). */
  private static final Pattern PAGE_USE = Pattern.compile("\\bmsg\\[([^\\]]*)\\]");

  /** {@code 'key'} or {@code "key"}, the whole of what is between the brackets. */
  private static final Pattern LITERAL = Pattern.compile("\\s*(['\"])([^'\"]+)\\1\\s*");

  /** {@code 'prefix.'.concat(…)} or the same with double quotes. */
  private static final Pattern CONCAT =
      Pattern.compile("\\s*(['\"])([^'\"]*)\\1\\s*\\.concat\\(.*\\)\\s*");

  private static List<String> constants(Class<? extends Enum<?>> type) {
    return Arrays.stream(type.getEnumConstants()).map(Enum::name).toList();
  }

  private static List<String> except(List<String> values, String... leftOut) {
    List<String> kept = new ArrayList<>(values);
    kept.removeAll(List.of(leftOut));
    return kept;
  }

  private static Properties load(String name) throws IOException {
    Properties p = new Properties();
    try (InputStream in = MessagesBundleTest.class.getResourceAsStream(name)) {
      p.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
    }
    return p;
  }

  @Test
  void japaneseAndEnglishHaveTheSameKeys() throws IOException {
    Properties english = load("messages.properties");
    Properties japanese = load("messages_ja.properties");

    assertThat(japanese.stringPropertyNames()).isEqualTo(english.stringPropertyNames());
  }

  @Test
  void keysBuiltInJavaFromEnumsHaveTexts() throws IOException {
    Properties english = load("messages.properties");
    Properties japanese = load("messages_ja.properties");
    List<String> keys = new java.util.ArrayList<>();
    // FulfilmentPanel: "cancel.done." + how the order ended; Pages: "action." + each allowed action.
    constants(Ending.class).forEach(e -> keys.add("cancel.done." + e));
    constants(jp.ishibashi.workorder.OrderAction.class).forEach(a -> keys.add("action." + a));
    assertThat(keys).allSatisfy(key -> assertThat(english).as(key).containsKey(key));
    assertThat(keys).allSatisfy(key -> assertThat(japanese).as(key).containsKey(key));
  }

  @Test
  void japaneseTextsAreJapanese() throws IOException {
    Properties japanese = load("messages_ja.properties");
    assertThat(japanese.getProperty("signIn.title")).isEqualTo("ログイン");
  }

  @Test
  void everyMessageKeyUsedInCodeHasAText() throws IOException {
    // Keys passed to a DomainException, Pages.info or a super constructor, and any literal error
    // key wherever it is written (DomainException.at(field, "error.…") included).
    Pattern used =
        Pattern.compile(
            "(?:DomainException|Pages\\.info|super)\\(\\s*\"([a-zA-Z.]+)\""
                + "|\"(error(?:\\.[a-zA-Z]+)+)\"");
    List<String> keys;
    try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
      keys =
          files
              .filter(f -> f.toString().endsWith(".java"))
              .flatMap(MessagesBundleTest::read)
              .flatMap(
                  text ->
                      used.matcher(text)
                          .results()
                          .map(m -> m.group(1) != null ? m.group(1) : m.group(2)))
              .distinct()
              .toList();
    }
    assertThat(keys).hasSizeGreaterThan(20);
    assertThat(missing(keys)).isEmpty();
  }

  @Test
  void everyLiteralKeyInThePagesHasAText() throws IOException {
    Set<String> keys = new TreeSet<>();
    for (String use : pageUses()) {
      Matcher literal = LITERAL.matcher(use);
      if (literal.matches()) {
        keys.add(literal.group(2));
      }
    }
    assertThat(keys).hasSizeGreaterThan(100).contains("common.status", "verify.outcome.TOO_LARGE");
    assertThat(missing(keys)).isEmpty();
  }

  @Test
  void everyPrefixThePagesCompleteIsInTheTable() throws IOException {
    Set<String> prefixes = new TreeSet<>();
    Set<String> others = new TreeSet<>();
    for (String use : pageUses()) {
      Matcher concat = CONCAT.matcher(use);
      if (concat.matches()) {
        prefixes.add(concat.group(2));
      } else if (!LITERAL.matcher(use).matches()) {
        others.add(use.strip());
      }
    }
    assertThat(prefixes).contains("line.action.", "workOrder.status.", "unit.");
    assertThat(prefixes)
        .as("prefixes the pages complete (add each new one to DYNAMIC_PREFIXES)")
        .isSubsetOf(DYNAMIC_PREFIXES.keySet());
    assertThat(DYNAMIC_PREFIXES.keySet())
        .as("DYNAMIC_PREFIXES entries that no page uses any more")
        .isSubsetOf(prefixes);
    assertThat(others)
        .as("msg[expression] in the pages (add each new one to DYNAMIC_KEYS)")
        .isEqualTo(DYNAMIC_KEYS.keySet());
  }

  @Test
  void everyKeyThePagesBuildHasAText() throws IOException {
    List<String> keys = new ArrayList<>();
    DYNAMIC_PREFIXES.forEach((prefix, values) -> values.forEach(v -> keys.add(prefix + v)));
    DYNAMIC_KEYS.values().forEach(keys::addAll);
    assertThat(keys).contains("line.action.AMENDED", "workOrder.status.DRAFT");
    assertThat(missing(keys)).isEmpty();
  }

  /** The keys (as "bundle: key") that one of the bundles lacks. */
  private static List<String> missing(Collection<String> keys) throws IOException {
    List<String> missing = new ArrayList<>();
    for (String bundle : BUNDLES) {
      Properties texts = load(bundle);
      keys.stream()
          .filter(key -> !texts.containsKey(key))
          .forEach(key -> missing.add(bundle + ": " + key));
    }
    return missing;
  }

  /** What is between the brackets of each msg[…] in the pages. */
  private static Set<String> pageUses() throws IOException {
    Set<String> uses = new TreeSet<>();
    try (Stream<Path> files = Files.walk(Path.of("src/main/webapp"))) {
      files
          .filter(f -> f.toString().endsWith(".xhtml"))
          .flatMap(MessagesBundleTest::read)
          .forEach(page -> PAGE_USE.matcher(page).results().forEach(m -> uses.add(m.group(1))));
    }
    assertThat(uses).as("msg[…] in the pages").isNotEmpty();
    return uses;
  }

  private static Stream<String> read(Path file) {
    try {
      return Stream.of(Files.readString(file));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
