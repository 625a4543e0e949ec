macro-endless\.scm:\d+:\d+: macro expansion too deep: more than 20000 nested expansions \(does the expansion of forever never end\?\)
