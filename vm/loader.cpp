// vm/loader.cpp — turns a verified image into heap objects of a team: modules
// with their globals (stdlib natives bound by name from natives.def), functions
// with their constants, and the links between imports and modules.
#include <cstring>

#include "vm/builtins/natives.h"
#include "vm/team.h"

namespace vb {

namespace {

Value make_constant(Heap& heap, const image::Constant& c) {
    switch (c.kind) {
        case image::ConstantKind::Nil: return Value::nil();
        case image::ConstantKind::Bool: return Value::boolean(c.int_value != 0);
        case image::ConstantKind::Int: return Value::integer(c.int_value);
        case image::ConstantKind::Float: return Value::number(c.float_value);
        case image::ConstantKind::String: return make_string(heap.new_string(c.text));
        case image::ConstantKind::Symbol: return make_symbol(heap.intern(c.text));
    }
    return Value::nil();
}

}  // namespace

ModuleObj* Team::load(const image::Image& image) {
    std::vector<ModuleObj*> loaded(image.modules.size(), nullptr);
    std::vector<bool> fresh(image.modules.size(), false);
    for (size_t index = 0; index < image.modules.size(); index++) {
        const image::Module& source = image.modules[index];
        ModuleObj* existing = find_module(source.name);
        if (existing && !source.extends) {
            loaded[index] = existing;  // the stdlib or a module this team has already
            continue;
        }
        ModuleObj* m = existing;
        size_t first_function = 0;
        if (!m) {
            m = heap.new_module();
            m_modules.push_back(m);  // rooted from here on
            m->name = heap.new_string(source.name);
            m->path = heap.new_string(source.path);
            m->is_stdlib = source.is_stdlib;
        } else {
            first_function = m->protos.size();
        }
        fresh[index] = true;
        loaded[index] = m;

        // Globals: new names get slots; natives of a stdlib module are bound now.
        for (size_t g = m->globals.size(); g < source.globals.size(); g++) {
            SymbolObj* name = heap.intern(source.globals[g]);
            m->global_names.push_back(name);
            Value initial = Value::missing();
            if (source.is_stdlib) {
                if (const NativeEntry* n = find_native(source.name, source.globals[g]))
                    initial = make_native(heap.new_native(n->fn, n->module, n->name, n->min_args, n->max_args));
            }
            m->globals.push_back(initial);
            if (source.globals[g].empty() || source.globals[g][0] != '_')
                m->exports.emplace(name, static_cast<uint32_t>(g));
        }

        for (const image::Function& f : source.functions) {
            ProtoObj* proto = heap.new_proto();
            proto->module = m;
            m->protos.push_back(proto);  // rooted through the module
            proto->code = f.code;
            if (first_function) {
                // An extension (a REPL line): its function numbers follow the module's.
                for (isa::Instr& in : proto->code)
                    if (isa::op_of(in) == isa::Opcode::Closure)
                        in = isa::encode_abx(isa::Opcode::Closure, isa::arg_a(in),
                                             isa::arg_bx(in) + static_cast<unsigned>(first_function));
            }
            proto->lines = f.lines;
            proto->captures = f.captures;
            proto->line = f.line;
            proto->param_count = f.param_count;
            proto->required_count = f.required_count;
            proto->has_rest = f.has_rest;
            proto->register_count = f.register_count;
            if (!f.name.empty()) proto->name = heap.new_string(f.name);
            proto->constants.reserve(f.constants.size());
            for (const image::Constant& c : f.constants) proto->constants.push_back(make_constant(heap, c));
            proto->field_cache.assign(f.constants.size(), 0);
        }
        // An extension's top level is its first function, after the module's own.
        m->top_level = static_cast<uint32_t>(first_function);
        if (first_function) m->state = ModuleState::Loaded;
    }
    for (size_t index = 0; index < image.modules.size(); index++) {
        if (!fresh[index]) continue;
        const image::Module& source = image.modules[index];
        ModuleObj* m = loaded[index];
        m->imports.clear();
        for (uint32_t target : source.imports) m->imports.push_back(loaded[target]);
    }
    return loaded[image.entry];
}

void Team::load_prelude(const image::Image& image) {
    m_prelude = load(image);
}

}  // namespace vb
