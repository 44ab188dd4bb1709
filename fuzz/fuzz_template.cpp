// fuzz_template: text rendering (vhh::host::render_template, kainjow Mustache with the strict tag
// check) with a fixed data tree.
//
// The input is the template text. When it contains a NUL byte, the text after it changes the
// data, one instruction per line (so the fuzzer varies the data's shape too):
//   a.b.c=text   sets a text field (creating maps on the way; replaces what was there)
//   a+=text      appends a text item to the list a (making a a list)
//   a+           appends an empty map to the list a
//   a!  / a?     sets a to yes / no
//   a[]          sets a to an empty list
// The fixed tree holds the names the bundled templates use (texts, yes/no flags, lists of maps
// with nested lists, a list of texts, an empty list and a nested map for dotted names).
//
// Checked besides sanitizer reports: render_template returns text or throws TemplateError (any
// other exception is a crash); a TemplateError names the template file and, when it has a line,
// a line within the template; rendering is deterministic (the same output twice); no document
// is larger than kMaxTemplateOutput. Its memory limit is 512 MB (fuzz/limits.sh): sections nested
// thousands deep once took 1,2 GB (regressions/fuzz_template/nested-6000-sections).
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <string>
#include <vector>

#include "render/text_renderer.h"

using vhh::DataNode;
using vhh::host::render_template;
using vhh::host::TemplateError;

namespace {

[[noreturn]] void fail(const std::string &what) {
    std::fprintf(stderr, "fuzz_template: %s\n", what.c_str());
    std::abort();
}

/// A mutable tree, converted to a DataNode once built (DataNode has no mutable field access).
struct Node {
    DataNode::Kind kind = DataNode::Kind::map;
    std::string text;
    bool flag = false;
    std::vector<Node> items;
    std::map<std::string, Node> fields;

    static Node of_text(std::string t) {
        Node n;
        n.kind = DataNode::Kind::text;
        n.text = std::move(t);
        return n;
    }
    static Node of_bool(bool b) {
        Node n;
        n.kind = DataNode::Kind::boolean;
        n.flag = b;
        return n;
    }
    static Node of_list() {
        Node n;
        n.kind = DataNode::Kind::list;
        return n;
    }

    DataNode convert() const {
        switch (kind) {
            case DataNode::Kind::text: return DataNode(text);
            case DataNode::Kind::boolean: return DataNode::boolean(flag);
            case DataNode::Kind::list: {
                DataNode l = DataNode::list();
                for (const auto &i : items) l.push(i.convert());
                return l;
            }
            case DataNode::Kind::map: break;
        }
        DataNode m = DataNode::map();
        for (const auto &[k, v] : fields) m.set(k, v.convert());
        return m;
    }
};

const char *const kTexts[] = {
    "regio", "boekjaar", "peildatum", "bevolking_bron", "kop", "code", "naam", "regel", "bron", "totaal",
    "totaal_kol", "totaal_label_kol", "betaler_kol", "bedrag_kol", "grondslag", "bedrag", "titel", "toelichting",
    "verschil", "vn", "opmerking", "vergadering", "uiterlijk", "streep", "resultaat", "resultaat_soort",
    "legenda_klein", "legenda_x", "wgr_regime", "verdeelsleutel_bron", "gemeente", "aandeel", "voorlopig",
    "definitief", "afrekening", "sleutel", "tekst", "rol", "omschrijving", "gehuisvest", "werkplek_maanden",
    "€ ½ — ünïcode"};
const char *const kTrue[] = {"bevolking_indicatief", "illustratief", "aanwezig", "met_bron", "met_niveaus",
                             "heeft_partners", "heeft_rol"};
const char *const kFalse[] = {"bepaald", "met_opmerking", "heeft_waarschuwingen", "alle_gemeenten",
                              "afrekening_verdeeld"};
// Kept small: the whole tree is converted to Mustache data on every render.
const char *const kLists[] = {"bronnen", "programmas", "partners"};

Node record(int i, bool nested) {
    Node m;
    for (const char *t : {"code", "naam", "kop", "regel", "bedrag", "bron", "betaler_kol", "bedrag_kol", "grondslag",
                          "totaal_kol", "totaal_label_kol"})
        m.fields[t] = Node::of_text(std::string(t) + " " + std::to_string(i));
    m.fields["aanwezig"] = Node::of_bool(i % 2 == 0);
    if (nested) {
        Node regels = Node::of_list();
        for (int k = 0; k < 2; ++k) regels.items.push_back(record(k, false));
        m.fields["regels"] = regels;
    }
    return m;
}

Node fixed_tree() {
    Node root;
    for (const char *t : kTexts) root.fields[t] = Node::of_text(std::string("<") + t + ">");
    root.fields["boekjaar"] = Node::of_text("2013");
    root.fields["totaal"] = Node::of_text("€ 54.152,40");
    for (const char *t : kTrue) root.fields[t] = Node::of_bool(true);
    for (const char *t : kFalse) root.fields[t] = Node::of_bool(false);
    for (const char *l : kLists) {
        Node list = Node::of_list();
        for (int i = 0; i < 2; ++i) list.items.push_back(record(i, true));
        root.fields[l] = list;
    }
    root.fields["verschillen"] = Node::of_list();  // empty: {{^verschillen}} renders
    Node ringen = Node::of_list();
    for (const char *r : {"kern", "schil", "netwerk"}) ringen.items.push_back(Node::of_text(r));
    root.fields["ringen"] = ringen;  // texts: {{.}}
    Node regio_info;
    regio_info.fields["naam"] = Node::of_text("Veiligheidshuis Zeeland");
    regio_info.fields["adres"].fields["plaats"] = Node::of_text("Middelburg");
    root.fields["info"] = regio_info;  // {{info.adres.plaats}}
    return root;
}

const Node kFixed = fixed_tree();
const DataNode kFixedData = kFixed.convert();

/// The node at a dotted path, created as maps on the way.
Node &at(Node &root, const std::string &path) {
    Node *n = &root;
    std::size_t start = 0;
    while (true) {
        const std::size_t dot = path.find('.', start);
        const std::string part = path.substr(start, dot == std::string::npos ? std::string::npos : dot - start);
        if (n->kind != DataNode::Kind::map) *n = Node();
        n = &n->fields[part];
        if (dot == std::string::npos) return *n;
        start = dot + 1;
    }
}

DataNode varied(const std::string &spec) {
    Node root = kFixed;
    std::size_t pos = 0;
    int budget = 64;  // instructions; keeps a long input from building a huge tree
    while (pos < spec.size() && budget-- > 0) {
        std::size_t end = spec.find('\n', pos);
        if (end == std::string::npos) end = spec.size();
        const std::string line = spec.substr(pos, end - pos);
        pos = end + 1;
        if (line.empty()) continue;
        std::size_t op = line.find_first_of("=+!?[");
        if (op == std::string::npos || op == 0) continue;
        const std::string path = line.substr(0, op);
        Node &n = at(root, path);
        switch (line[op]) {
            case '=': n = Node::of_text(line.substr(op + 1)); break;
            case '+':
                if (n.kind != DataNode::Kind::list) n = Node::of_list();
                if (op + 1 < line.size() && line[op + 1] == '=')
                    n.items.push_back(Node::of_text(line.substr(op + 2)));
                else
                    n.items.push_back(Node());
                break;
            case '!': n = Node::of_bool(true); break;
            case '?': n = Node::of_bool(false); break;
            case '[': n = Node::of_list(); break;
        }
    }
    return root.convert();
}

int count_lines(const std::string &s) {
    int n = 1;
    for (char c : s)
        if (c == '\n') ++n;
    return n;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size) {
    const std::string input(reinterpret_cast<const char *>(data), size);
    const std::size_t nul = input.find('\0');
    const std::string source = input.substr(0, nul);
    DataNode own;
    const DataNode *tree = &kFixedData;
    if (nul != std::string::npos) {
        own = varied(input.substr(nul + 1));
        tree = &own;
    }
    const std::string path = "templates/fuzz.txt.mustache";
    std::string first;
    try {
        first = render_template(source, path, *tree);
    } catch (const TemplateError &e) {
        if (e.where.file != path) fail("a template error that does not name the template");
        if (e.where.line < 0 || e.where.line > count_lines(source))
            fail("a template error located outside the template: line " + std::to_string(e.where.line));
        if (std::string(e.what()).empty()) fail("a template error without a message");
        return 0;
    }
    if (first.size() > vhh::host::kMaxTemplateOutput) fail("a document larger than the output limit");
    if (render_template(source, path, *tree) != first) fail("rendering is not deterministic");
    return 0;
}
