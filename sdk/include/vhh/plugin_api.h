/* vhh plugin ABI: the one C entry point every plugin exports.
 *
 * The host resolves `vhh_get_plugin_manifest` with dlopen(RTLD_NOW), calls it,
 * and checks the returned manifest (magic, SDK ABI major/minor) before any C++
 * object crosses the boundary. Everything in this header is plain C so that the
 * check works whatever compiler built the plugin.
 *
 * Versioning: a change to the layout of any struct below, to the meaning of a
 * field, or to the C++ interfaces in <vhh/plugin.h> bumps VHH_SDK_ABI_MAJOR.
 * Additions that old hosts can ignore bump VHH_SDK_ABI_MINOR. A host accepts a
 * plugin with the same major and a minor not greater than its own.
 */
#ifndef VHH_PLUGIN_API_H
#define VHH_PLUGIN_API_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/** Magic number at the start of every manifest: "VHHP". */
#define VHH_PLUGIN_MAGIC 0x50484856u
/** SDK ABI major version: plugins must match it exactly. */
#define VHH_SDK_ABI_MAJOR 3
/** SDK ABI minor version: plugins may be built against an equal or older minor. */
#define VHH_SDK_ABI_MINOR 0
/** Name of the exported entry point symbol. */
#define VHH_PLUGIN_ENTRY_SYMBOL "vhh_get_plugin_manifest"

/** Plugin kinds (bit flags): which pipeline phases a plugin takes part in. */
enum vhh_plugin_kind {
    VHH_KIND_LOAD = 1u << 0,    /**< registries and importers: read inputs */
    VHH_KIND_COMPUTE = 1u << 1, /**< financing: produce contribution lines */
    VHH_KIND_REPORT = 1u << 2,  /**< documents: produce report models */
    VHH_KIND_IMPORT = 1u << 3   /**< importers: turn a file format into ledger lines for other plugins */
};

/** Types a plugin setting can have; the host parses and validates them. */
enum vhh_setting_type {
    VHH_SETTING_INTEGER = 1,    /**< whole number, e.g. 22551 */
    VHH_SETTING_MONEY = 2,      /**< euro amount with at most two decimals, e.g. 0.40 */
    VHH_SETTING_TEXT = 3,       /**< any text */
    VHH_SETTING_BOOLEAN = 4,    /**< true or false */
    VHH_SETTING_PERCENTAGE = 5, /**< percentage, e.g. 2.5 for 2,5 % */
    VHH_SETTING_DATE = 6,       /**< ISO date yyyy-mm-dd */
    VHH_SETTING_CODE = 7,       /**< identifier kept as text, e.g. CBS code GM0687 */
    VHH_SETTING_LIST = 8,       /**< list of records whose fields are `fields` */
    VHH_SETTING_CODES = 9,      /**< list of codes kept as text, e.g. [GM0654, GM0664] */
    VHH_SETTING_CHOICE = 10,    /**< one of the row's `choices`, e.g. per_inwoner (a wrong one gets "did you mean") */
    VHH_SETTING_GEMEENTE = 11,  /**< CBS code of a gemeente of the region in the boekjaar, checked by the host */
    VHH_SETTING_GEMEENTEN = 12  /**< list of such CBS codes, e.g. [GM0654, GM0664] */
};

/** Setting flags. */
enum vhh_setting_flag {
    VHH_SETTING_REQUIRED = 1u << 0 /**< the key must be present (no default) */
};

/** One row of a plugin's settings table: declared once, used to validate and to document.
 *  C++ plugins write rows with the named builder of <vhh/settings.h> (vhh::bind, vhh::setting). */
typedef struct vhh_setting_spec {
    const char *key;                       /**< key in the plugin's YAML section */
    uint32_t type;                         /**< a vhh_setting_type */
    uint32_t flags;                        /**< vhh_setting_flag bits */
    const char *default_value;             /**< default as YAML text, or NULL */
    const char *min_value;                 /**< inclusive lower bound as text, or NULL */
    const char *max_value;                 /**< inclusive upper bound as text, or NULL */
    const char *description;               /**< one line for `vhh plugins` and the docs */
    const struct vhh_setting_spec *fields; /**< record fields for VHH_SETTING_LIST */
    uint32_t field_count;                  /**< number of entries in `fields` */
    uint32_t choice_count;                 /**< number of entries in `choices` */
    const char *const *choices;            /**< the allowed values of a VHH_SETTING_CHOICE */
    const char *one_of;                    /**< group name, or NULL: of the rows of one table sharing it,
                                                exactly one must be given */
} vhh_setting_spec;

/** Facts of the C++ toolchain a plugin was built with. C++ objects (std::string, std::vector,
 *  vhh::Settings, the contexts) cross the boundary after the C entry point, so these must equal
 *  the host's; the host compares them before it creates the plugin. Filled by VHH_PLUGIN. */
typedef struct vhh_toolchain {
    uint32_t size;                 /**< sizeof(vhh_toolchain) as the plugin saw it */
    int32_t cxx11_abi;             /**< _GLIBCXX_USE_CXX11_ABI (libstdc++'s dual ABI), -1 without libstdc++ */
    int32_t glibcxx_release;       /**< _GLIBCXX_RELEASE (the libstdc++ major, e.g. 12), -1 without libstdc++ */
    uint32_t sizeof_string;        /**< sizeof(std::string) */
    uint32_t sizeof_vector;        /**< sizeof(std::vector<int>) */
    uint32_t sizeof_map;           /**< sizeof(std::map<std::string, int>) */
    uint32_t sizeof_optional;      /**< sizeof(std::optional<std::string>) */
    uint32_t sizeof_settings;      /**< sizeof(vhh::Settings) */
    uint32_t sizeof_setting_value; /**< sizeof(vhh::SettingValue) */
    uint32_t sizeof_region;        /**< sizeof(vhh::Region) */
    uint32_t sizeof_phase_context; /**< sizeof(vhh::PhaseContext) */
    uint32_t sizeof_diagnostics;   /**< sizeof(vhh::Diagnostics) */
} vhh_toolchain;

/** Creates the plugin's C++ object (a vhh::Plugin*), or returns NULL and writes a reason into error. */
typedef void *(*vhh_plugin_create_fn)(char *error, size_t error_size);

/** What a plugin says about itself. Returned by the entry point; must stay valid while loaded. */
typedef struct vhh_plugin_manifest {
    uint32_t magic;                     /**< VHH_PLUGIN_MAGIC */
    uint16_t abi_major;                 /**< VHH_SDK_ABI_MAJOR the plugin was built with */
    uint16_t abi_minor;                 /**< VHH_SDK_ABI_MINOR the plugin was built with */
    const char *name;                   /**< dotted stable name, e.g. "financing.inwonerbijdrage" */
    const char *version;                /**< plugin version, e.g. "1.0.0" */
    const char *description;            /**< one line */
    uint32_t kinds;                     /**< vhh_plugin_kind bits */
    const vhh_setting_spec *settings;   /**< the settings table */
    uint32_t setting_count;             /**< number of entries in `settings` */
    vhh_plugin_create_fn create;        /**< factory */
    vhh_toolchain toolchain;            /**< C++ toolchain facts; read only when abi_major matches */
} vhh_plugin_manifest;

/** Signature of the entry point every plugin exports as VHH_PLUGIN_ENTRY_SYMBOL. */
typedef const vhh_plugin_manifest *(*vhh_get_plugin_manifest_fn)(void);

#ifdef __cplusplus
}
#endif

#endif /* VHH_PLUGIN_API_H */
