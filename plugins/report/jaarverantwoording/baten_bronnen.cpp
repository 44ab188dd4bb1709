#include "baten_bronnen.h"

#include <algorithm>

#include "vhh/text.h"

namespace vhh::jaarverantwoording {

std::string list_item(const std::string &text, std::size_t width) {
    std::string out = "-";
    std::size_t line_width = 1;
    std::size_t pos = 0;
    while (pos < text.size()) {
        const std::size_t end = std::min(text.find(' ', pos), text.size());
        const std::string word = text.substr(pos, end - pos);
        pos = end + 1;
        if (word.empty()) continue;
        const std::size_t w = display_width(word);
        if (line_width > 2 && line_width + 1 + w > width) {
            out += "\n  " + word;
            line_width = 2 + w;
        } else {
            out += " " + word;
            line_width += 1 + w;
        }
    }
    return out;
}

std::vector<std::string> baten_bronnen(const Config &config, std::size_t width) {
    std::string uit_lijnen, uit_grootboek;
    for (const auto &p : config.posten) {
        if (p.soort != Soort::baten) continue;
        if (!p.lijnen.empty()) uit_lijnen += (uit_lijnen.empty() ? "" : ", ") + p.naam;
        if (p.lijnen.empty() || p.boekingen > 0) uit_grootboek += (uit_grootboek.empty() ? "" : ", ") + p.naam;
    }
    std::vector<std::string> items;
    if (!uit_lijnen.empty())
        items.push_back(list_item("uit de bijdragen van dit boekjaar (vhh bijdragen): " + uit_lijnen + ".", width));
    if (!uit_grootboek.empty())
        items.push_back(list_item("uit het grootboek" +
                                      (config.grootboek_bron.empty() ? std::string() : " (" + config.grootboek_bron + ")") +
                                      ": " + uit_grootboek + ".",
                                  width));
    return items;
}

}  // namespace vhh::jaarverantwoording
