// DataNode: the values a Mustache template is rendered with (text documents, vhh/report.h, and
// letters worded by a template, vhh/document.h). Its own header so that the document model can use
// it without the workbook model's names (vhh::Cell, vhh::Table) next to vhh::doc's.
#pragma once

#include <map>
#include <memory>
#include <string>
#include <vector>

namespace vhh {

/// A tree of values for text templates: text, a list of trees, or a map of named trees.
class DataNode {
public:
    enum class Kind { text, boolean, list, map };
    DataNode() : kind_(Kind::map) {}
    /// A text value.
    DataNode(std::string text) : kind_(Kind::text), text_(std::move(text)) {}
    DataNode(const char *text) : kind_(Kind::text), text_(text) {}
    /// A boolean (for {{#flag}} sections).
    static DataNode boolean(bool value);
    /// An empty list whose items have no declared shape: in a template, a section over it while it
    /// is empty can only be checked loosely (any name may be a field of its items).
    static DataNode list();
    /// An empty list whose items look like `item_shape` (a map with every field an item has; the
    /// values do not matter). The host checks a template section over the list against this shape,
    /// also when the list is empty in this run, so a misspelt tag in it is found now. Give it for
    /// every list that may be empty.
    static DataNode list(DataNode item_shape);
    /// An empty map.
    static DataNode map() { return DataNode(); }

    Kind kind() const { return kind_; }
    const std::string &text() const { return text_; }
    bool boolean_value() const { return boolean_; }
    const std::vector<DataNode> &items() const { return items_; }
    const std::map<std::string, DataNode> &fields() const { return fields_; }
    /// For a list made with list(item_shape): the shape of its items; nullptr otherwise.
    const DataNode *item_shape() const { return item_shape_.get(); }

    /// Sets a field of a map node and returns it.
    DataNode &set(const std::string &key, DataNode value);
    /// Appends to a list node and returns the new element.
    DataNode &push(DataNode value);

private:
    Kind kind_;
    std::string text_;
    bool boolean_ = false;
    std::vector<DataNode> items_;
    std::map<std::string, DataNode> fields_;
    std::shared_ptr<const DataNode> item_shape_;  ///< lists: what an item holds (list(item_shape))
};

}  // namespace vhh
