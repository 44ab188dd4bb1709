#include "render/letter_template.h"

#include "render/document_check.h"

#include <map>
#include <sstream>

namespace vhh::host {

namespace {

std::string trimmed(const std::string &s) {
    std::size_t b = 0, e = s.size();
    while (b < e && (s[b] == ' ' || s[b] == '\t' || s[b] == '\r')) ++b;
    while (e > b && (s[e - 1] == ' ' || s[e - 1] == '\t' || s[e - 1] == '\r')) --e;
    return s.substr(b, e - b);
}

/// The value of a header line "Key: value", when `line` is one.
bool header_value(const std::string &line, const char *key, std::string &value) {
    const std::string prefix = std::string(key) + ":";
    if (line.rfind(prefix, 0) != 0) return false;
    value = trimmed(line.substr(prefix.size()));
    return true;
}

/// The blocks of `lines` [from, to): paragraphs at blank lines, lists, and `[tabel ID]` placing
/// a table of `tables` (`owner` names whose tables they are in a problem).
std::vector<doc::Block> blocks_of(const std::vector<std::string> &lines, std::size_t from, std::size_t to,
                                  const std::map<std::string, const doc::Table *> &tables, const char *owner,
                                  std::vector<std::string> &problems) {
    std::vector<doc::Block> body;
    std::vector<std::string> paragraph;
    auto flush = [&] {
        if (paragraph.empty()) return;
        bool list = true;
        for (const auto &l : paragraph) list = list && l.rfind("- ", 0) == 0;
        if (paragraph.size() == 1 && paragraph[0].size() > 8 && paragraph[0].rfind("[tabel ", 0) == 0 &&
            paragraph[0].back() == ']') {
            const std::string id = trimmed(paragraph[0].substr(7, paragraph[0].size() - 8));
            if (const auto it = tables.find(id); it != tables.end()) {
                body.emplace_back(*it->second);
            } else {
                std::string known;
                for (const auto &[name, table] : tables) known += (known.empty() ? "" : ", ") + name;
                problems.push_back("'[tabel " + id.substr(0, 80) + "]' names no table of the " + owner +
                                   " (it has: " + (known.empty() ? "none" : known) + ")");
            }
        } else if (list) {
            doc::List items;
            for (const auto &l : paragraph) items.items.push_back(trimmed(l.substr(2)));
            body.emplace_back(std::move(items));
        } else {
            std::string joined;
            for (const auto &l : paragraph) joined += (joined.empty() ? "" : " ") + l;
            body.emplace_back(doc::Paragraph{std::move(joined)});
        }
        paragraph.clear();
    };
    for (std::size_t i = from; i < to; ++i) {
        if (lines[i].empty()) flush();
        else paragraph.push_back(lines[i]);
    }
    flush();
    return body;
}

std::vector<std::string> lines_of(const std::string &text) {
    std::vector<std::string> lines;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);) lines.push_back(trimmed(line));
    return lines;
}

/// True when `line` underlines a heading: three or more '-' or '=' and nothing else.
bool is_underline(const std::string &line) {
    if (line.size() < 3 || (line[0] != '-' && line[0] != '=')) return false;
    return line.find_first_not_of(line[0]) == std::string::npos;
}

}  // namespace

std::vector<std::string> apply_letter_template(doc::Letter &letter, const std::string &text) {
    const std::vector<std::string> lines = lines_of(text);
    std::size_t i = 0;
    while (i < lines.size() && lines[i].empty()) ++i;
    for (; i < lines.size(); ++i) {
        std::string value;
        if (header_value(lines[i], "Onderwerp", value)) letter.onderwerp = value;
        else if (header_value(lines[i], "Aanhef", value)) letter.aanhef = value;
        else if (header_value(lines[i], "Slot", value)) letter.slot = value;
        else if (header_value(lines[i], "Bijlage", value)) letter.bijlagen.push_back(value);
        else break;
    }

    std::map<std::string, const doc::Table *> tables;
    for (const auto &b : letter.body)
        if (const auto *t = std::get_if<doc::Table>(&b)) tables.emplace(t->id, t);
    std::vector<std::string> problems;
    std::vector<doc::Block> body = blocks_of(lines, i, lines.size(), tables, "letter", problems);
    if (problems.empty()) {
        letter.body = std::move(body);
        letter.body_template.clear();
    }
    return problems;
}

std::vector<std::string> apply_report_template(doc::Document &document, const std::string &text) {
    const std::vector<std::string> lines = lines_of(text);
    std::map<std::string, const doc::Table *> tables;
    for_each_table(document, [&](const doc::Table &t) { tables.emplace(t.id, &t); });
    std::vector<std::string> problems;
    std::vector<doc::Section> sections;
    // Each heading (a line above an underline) ends the section before it.
    std::size_t start = 0;
    std::string title = "Inleiding";
    auto close = [&](std::size_t end) {
        std::vector<doc::Block> blocks = blocks_of(lines, start, end, tables, "document", problems);
        if (blocks.empty() && title == "Inleiding" && sections.empty()) return;  // no text before the first heading
        sections.push_back(doc::Section{title, std::move(blocks), {}});
    };
    for (std::size_t i = 0; i + 1 < lines.size(); ++i) {
        if (lines[i].empty() || !is_underline(lines[i + 1]) || is_underline(lines[i])) continue;
        if (i > 0 && !lines[i - 1].empty()) continue;  // a heading stands apart from the paragraph above it
        close(i);
        title = lines[i];
        start = i + 2;
        ++i;
    }
    close(lines.size());
    if (!problems.empty()) return problems;
    doc::Document worded = document;
    worded.sections = std::move(sections);
    for (const auto &problem : document_problems(worded))  // e.g. a formula over a table the text left out
        problems.push_back("the document as the text places it: " + problem);
    if (problems.empty()) {
        document.sections = std::move(worded.sections);
        document.body_template.clear();
    }
    return problems;
}

}  // namespace vhh::host
