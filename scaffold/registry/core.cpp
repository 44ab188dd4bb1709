#include "{{ident}}.h"

namespace {{ident}}_plugin {

const vhh::SettingsTable<PartnerRij> kPartnerFields{
    vhh::bind("id", &PartnerRij::id).required().doc("vaste id van de partner, bijvoorbeeld om"),
    vhh::bind("naam", &PartnerRij::naam).required().doc("naam van de partner"),
    vhh::bind("gehuisvest", &PartnerRij::gehuisvest).fallback("false").doc("gehuisvest in het Veiligheidshuis"),
};

const vhh::SettingsTable<Instellingen> kSettings{
    vhh::bind("partners", &Instellingen::partners, kPartnerFields).required().doc("de partners van de regio"),
};

void {{klasse}}::load(vhh::LoadContext &ctx) {
    ctx.declare_partner_registry();
    const Instellingen instellingen = kSettings.read(ctx.settings());
    for (std::size_t i = 0; i < instellingen.partners.size(); ++i) {
        const PartnerRij &rij = instellingen.partners[i];
        vhh::Partner p;
        p.id = rij.id.value;
        p.naam = rij.naam;
        p.gehuisvest = rij.gehuisvest;
        p.domein = "overig";
        p.ring = "sleutelpartner";
        p.where = rij.id.where;
        p.key_path = ctx.key_path() + ".partners[" + std::to_string(i) + "]";
        ctx.add_partner(std::move(p));
    }
}

}  // namespace {{ident}}_plugin
