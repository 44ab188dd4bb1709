// Tests for the report model: Cell, Table references, DataNode.
#include "vhh/report.h"

#include <gtest/gtest.h>

#include <stdexcept>
#include <utility>

namespace {

using vhh::Cell;
using vhh::DataNode;
using vhh::Money;
using vhh::Table;

TEST(Cell, Kinds) {
    Cell empty;
    EXPECT_EQ(empty.kind(), Cell::Kind::empty);
    EXPECT_EQ(empty.cached(), nullptr);
    EXPECT_FALSE(empty.bold);

    Cell t = Cell::text("Middelburg");
    EXPECT_EQ(t.kind(), Cell::Kind::text);
    EXPECT_EQ(t.text_value(), "Middelburg");

    Cell i = Cell::integer(48019);
    EXPECT_EQ(i.kind(), Cell::Kind::integer);
    EXPECT_EQ(i.integer_value(), 48019);

    Cell m = Cell::money(Money::cents(902040));
    EXPECT_EQ(m.kind(), Cell::Kind::money);
    EXPECT_EQ(m.money_value(), Money::cents(902040));

    Cell p = Cell::percentage_ppm(25000);
    EXPECT_EQ(p.kind(), Cell::Kind::percentage);
    EXPECT_EQ(p.integer_value(), 25000);

    Cell f = Cell::formula("C2*D2", Cell::money(Money::cents(902040)));
    EXPECT_EQ(f.kind(), Cell::Kind::formula);
    EXPECT_EQ(f.text_value(), "C2*D2");
    ASSERT_NE(f.cached(), nullptr);
    EXPECT_EQ(f.cached()->kind(), Cell::Kind::money);
    EXPECT_EQ(f.cached()->money_value(), Money::cents(902040));
}

TEST(Cell, TextIsNeverAFormula) {
    Cell t = Cell::text("=SUM(A1:A3)");
    EXPECT_EQ(t.kind(), Cell::Kind::text);
    EXPECT_EQ(t.text_value(), "=SUM(A1:A3)");
    EXPECT_EQ(t.cached(), nullptr);
}

TEST(Cell, FormulaStripsOneLeadingEquals) {
    EXPECT_EQ(Cell::formula("=SUM(E2:E3)", Cell::integer(1)).text_value(), "SUM(E2:E3)");
    EXPECT_EQ(Cell::formula("SUM(E2:E3)", Cell::integer(1)).text_value(), "SUM(E2:E3)");
    EXPECT_EQ(Cell::formula("==A1", Cell::integer(1)).text_value(), "=A1");
    EXPECT_EQ(Cell::formula("A1=B1", Cell::integer(1)).text_value(), "A1=B1");
}

TEST(Cell, FormulaOfFormulaThrows) {
    Cell inner = Cell::formula("A1", Cell::integer(1));
    EXPECT_THROW(Cell::formula("B1", inner), std::invalid_argument);
}

TEST(Cell, FormulaMayCacheAnyPlainKind) {
    EXPECT_EQ(Cell::formula("A1", Cell::text("x")).cached()->text_value(), "x");
    EXPECT_EQ(Cell::formula("A1", Cell::percentage_ppm(5)).cached()->integer_value(), 5);
    EXPECT_EQ(Cell::formula("A1", Cell()).cached()->kind(), Cell::Kind::empty);
}

TEST(Cell, CopyIsDeep) {
    Cell f = Cell::formula("SUM(E2:E14)", Cell::money(Money::cents(15263200)));
    f.bold = true;
    Cell copy(f);
    EXPECT_EQ(copy.kind(), Cell::Kind::formula);
    EXPECT_EQ(copy.text_value(), "SUM(E2:E14)");
    EXPECT_TRUE(copy.bold);
    ASSERT_NE(copy.cached(), nullptr);
    EXPECT_NE(copy.cached(), f.cached());  // its own cached value, not a shared one
    EXPECT_EQ(copy.cached()->money_value(), Money::cents(15263200));

    // Changing the original afterwards leaves the copy alone.
    f = Cell::integer(3);
    EXPECT_EQ(f.kind(), Cell::Kind::integer);
    EXPECT_EQ(f.cached(), nullptr);
    EXPECT_FALSE(f.bold);
    ASSERT_NE(copy.cached(), nullptr);
    EXPECT_EQ(copy.cached()->money_value(), Money::cents(15263200));
}

TEST(Cell, CopyAssignment) {
    Cell f = Cell::formula("C2*D2", Cell::money(Money::cents(40)));
    Cell target = Cell::text("old");
    target = f;
    EXPECT_EQ(target.kind(), Cell::Kind::formula);
    EXPECT_EQ(target.text_value(), "C2*D2");
    ASSERT_NE(target.cached(), nullptr);
    EXPECT_NE(target.cached(), f.cached());
    EXPECT_EQ(target.cached()->money_value(), Money::cents(40));

    // Assigning a plain cell drops the cached value.
    target = Cell::integer(7);
    EXPECT_EQ(target.kind(), Cell::Kind::integer);
    EXPECT_EQ(target.cached(), nullptr);

    // Self-assignment keeps everything.
    Cell &alias = f;
    f = alias;
    EXPECT_EQ(f.text_value(), "C2*D2");
    ASSERT_NE(f.cached(), nullptr);
    EXPECT_EQ(f.cached()->money_value(), Money::cents(40));
}

TEST(Cell, MoveKeepsCachedValue) {
    Cell f = Cell::formula("A1", Cell::integer(9));
    const Cell *cached = f.cached();
    Cell moved(std::move(f));
    EXPECT_EQ(moved.cached(), cached);
    EXPECT_EQ(moved.cached()->integer_value(), 9);
    Cell assigned;
    assigned = std::move(moved);
    EXPECT_EQ(assigned.cached(), cached);
}

TEST(Table, ColumnLetters) {
    EXPECT_EQ(Table::column_letters(0), "A");
    EXPECT_EQ(Table::column_letters(4), "E");
    EXPECT_EQ(Table::column_letters(25), "Z");
    EXPECT_EQ(Table::column_letters(26), "AA");
    EXPECT_EQ(Table::column_letters(27), "AB");
    EXPECT_EQ(Table::column_letters(51), "AZ");
    EXPECT_EQ(Table::column_letters(52), "BA");
    EXPECT_EQ(Table::column_letters(701), "ZZ");
    EXPECT_EQ(Table::column_letters(702), "AAA");
    EXPECT_EQ(Table::column_letters(16383), "XFD");  // last xlsx column
}

TEST(Table, Ref) {
    EXPECT_EQ(Table::ref(0, 0), "A2");
    EXPECT_EQ(Table::ref(0, 4), "E2");
    EXPECT_EQ(Table::ref(1, 2), "C3");
    EXPECT_EQ(Table::ref(12, 4), "E14");
    EXPECT_EQ(Table::ref(98, 26), "AA100");
}

TEST(Table, Defaults) {
    Table t;
    EXPECT_TRUE(t.freeze_header);
    EXPECT_FALSE(t.autofilter);
    EXPECT_TRUE(t.rows.empty());
    vhh::Column c;
    EXPECT_EQ(c.width, 14);
}

TEST(DataNode, KindsAndConstruction) {
    DataNode m;
    EXPECT_EQ(m.kind(), DataNode::Kind::map);
    EXPECT_TRUE(m.fields().empty());
    EXPECT_EQ(DataNode::map().kind(), DataNode::Kind::map);
    EXPECT_EQ(DataNode::list().kind(), DataNode::Kind::list);
    EXPECT_TRUE(DataNode::list().items().empty());

    DataNode t("Middelburg");
    EXPECT_EQ(t.kind(), DataNode::Kind::text);
    EXPECT_EQ(t.text(), "Middelburg");
    DataNode s(std::string("Borsele"));
    EXPECT_EQ(s.kind(), DataNode::Kind::text);
    EXPECT_EQ(s.text(), "Borsele");

    DataNode yes = DataNode::boolean(true);
    EXPECT_EQ(yes.kind(), DataNode::Kind::boolean);
    EXPECT_TRUE(yes.boolean_value());
    EXPECT_FALSE(DataNode::boolean(false).boolean_value());
}

TEST(DataNode, SetAndPush) {
    DataNode root;
    DataNode &naam = root.set("naam", "Veiligheidshuis Zeeland");
    EXPECT_EQ(naam.text(), "Veiligheidshuis Zeeland");
    DataNode &gemeenten = root.set("gemeenten", DataNode::list());
    DataNode &g = gemeenten.push(DataNode::map());
    g.set("code", "GM0687");
    g.set("inwoners", "48.019");
    gemeenten.push(DataNode::map()).set("code", "GM0654");
    root.set("indicatief", DataNode::boolean(false));

    ASSERT_EQ(root.fields().size(), 3u);
    const DataNode &list = root.fields().at("gemeenten");
    ASSERT_EQ(list.items().size(), 2u);
    EXPECT_EQ(list.items()[0].fields().at("code").text(), "GM0687");
    EXPECT_EQ(list.items()[0].fields().at("inwoners").text(), "48.019");
    EXPECT_EQ(list.items()[1].fields().at("code").text(), "GM0654");
    EXPECT_FALSE(root.fields().at("indicatief").boolean_value());

    // Setting a key again replaces its value.
    root.set("naam", "Veiligheidshuis Maas & Leijgraaf");
    EXPECT_EQ(root.fields().at("naam").text(), "Veiligheidshuis Maas & Leijgraaf");
    EXPECT_EQ(root.fields().size(), 3u);
}

TEST(DataNode, WrongKindThrows) {
    DataNode list = DataNode::list();
    EXPECT_THROW(list.set("k", "v"), std::logic_error);
    DataNode map;
    EXPECT_THROW(map.push("v"), std::logic_error);
    DataNode text("x");
    EXPECT_THROW(text.set("k", "v"), std::logic_error);
    EXPECT_THROW(text.push("v"), std::logic_error);
    DataNode flag = DataNode::boolean(true);
    EXPECT_THROW(flag.set("k", "v"), std::logic_error);
    EXPECT_THROW(flag.push("v"), std::logic_error);
    // Nothing was added by the failed calls.
    EXPECT_TRUE(list.items().empty());
    EXPECT_TRUE(map.fields().empty());
}

}  // namespace

TEST(CellFraction, HoldsNumeratorAndDenominator) {
    vhh::Cell c = vhh::Cell::fraction(30, 12);
    EXPECT_EQ(c.kind(), vhh::Cell::Kind::fraction);
    EXPECT_EQ(c.integer_value(), 30);
    EXPECT_EQ(c.denominator(), 12);
    vhh::Cell copy = c;
    EXPECT_EQ(copy.denominator(), 12);
    EXPECT_THROW(vhh::Cell::fraction(1, 0), std::invalid_argument);
}
