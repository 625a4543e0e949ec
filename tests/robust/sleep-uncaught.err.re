(\S+:\d+:\d+: )?sleep: expected finite number of milliseconds, got \+inf\.0
