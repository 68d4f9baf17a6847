# Bash completion for salesperf's tools: goal-set, attain, funnel-flag and
# forecast.
#
# Installed as share/bash-completion/completions/salesperf, with a link to
# it under each tool's name, where bash-completion's loader looks for a
# command's completion when the command is first completed.  It also works
# without bash-completion: source this file from ~/.bashrc.
#
# The options are read from the tool's own --help each time they are
# completed, so a new option completes as soon as the tool has it.  An
# option's value is completed from what --help says it takes: FILE means a
# file name, lower-case words such as "team|total" are the words.  A few
# options complete values that --help only hints at: -o, --period, -d,
# --fiscal-start, --by, --method, --split and --profile.

# Reads the option lines of "$1 --help" into the caller's arrays
# _sp_names (--name), _sp_args (its argument, or empty for a switch) and
# _sp_texts (its description, continuation lines included).  An option
# line is indented by two to six spaces; its argument is the word after
# one space, written in capitals or with "|" or "=" in it; its description
# continues on lines indented further.
_salesperf_read_help()
{
	local line n=-1
	local opt='^ {2,6}(-[[:alnum:]], )?(--[[:alnum:]-]+)(.*)$'
	local arg='^ ([A-Z][^ ]*|[^ ]*[|=][^ ]*)(.*)$'

	_sp_names=() _sp_args=() _sp_texts=()
	while IFS= read -r line; do
		if [[ $line =~ $opt ]]; then
			n=${#_sp_names[@]}
			_sp_names[n]=${BASH_REMATCH[2]}
			_sp_args[n]=
			line=${BASH_REMATCH[3]}
			if [[ $line =~ $arg ]]; then
				_sp_args[n]=${BASH_REMATCH[1]}
				line=${BASH_REMATCH[2]}
			fi
			_sp_texts[n]=$line
		elif ((n >= 0)) && [[ $line == "       "* ]]; then
			_sp_texts[n]+=" $line"
		else
			n=-1
		fi
	done < <(LC_ALL=C "$1" --help 2>/dev/null)
}

# Prints the words of option $1's description, up to "(default", that
# match the pattern $2, except "or" and "and".
_salesperf_help_words()
{
	local i word words

	for i in "${!_sp_names[@]}"; do
		[[ ${_sp_names[i]} == "$1" ]] || continue
		read -ra words <<<"${_sp_texts[i]%%"(default"*}"
		for word in "${words[@]}"; do
			word=${word%[,;.]}
			[[ $word =~ $2 && $word != or && $word != and ]] &&
			    printf '%s\n' "$word"
		done
	done
}

# The output formats that -o's description lists, or salesperf 0.1's.
_salesperf_formats()
{
	local words

	words=$(_salesperf_help_words --output '^[a-z]+$')
	printf '%s\n' "${words:-csv tsv table markdown ndjson}"
}

# The forms of --period: the words relative to today (those its
# description lists as well), and the quarters, months, weeks and fiscal
# years of the year being typed (this year and the next when no year is
# typed yet).
_salesperf_periods()
{
	local cur=$1 y years word
	local words=" this-week last-week this-month last-month this-quarter"

	words+=" last-quarter next-quarter this-year "
	for word in $(_salesperf_help_words --period '^[a-z]+(-[a-z]+)+$'); do
		[[ $words == *" $word "* ]] || words+="$word "
	done
	printf '%s\n' $words
	printf -v y '%(%Y)T' -1
	years="$y $((y + 1))"
	[[ $cur =~ ^(FY)?([0-9]{4}) ]] && years=${BASH_REMATCH[2]}
	for y in $years; do
		printf '%s\n' "$y" "FY$y" "$y-Q"{1..4}
		if [[ $cur == "$y-"[0-9]* ]]; then
			printf "$y-%02d\\n" {1..12}
		elif [[ $cur == "$y-W"* ]]; then
			printf "$y-W%02d\\n" {1..53}
		fi
	done
}

# The names of the profiles in $XDG_CONFIG_HOME/salesperf and in the
# share/salesperf/profiles beside the tool's bin directory, without their
# extensions.
_salesperf_profiles()
{
	local tool dir f name

	tool=$(type -P "$1")
	for dir in "${XDG_CONFIG_HOME:-$HOME/.config}/salesperf" \
	    "${tool%/*}/../share/salesperf/profiles"; do
		for f in "$dir"/*; do
			[[ -f $f ]] || continue
			name=${f##*/}
			printf '%s\n' "${name%.*}"
		done
	done
}

# Completes file names in COMPREPLY, with bash-completion's _filedir when
# it is loaded (it quotes and marks directories), else with compgen.
_salesperf_files()
{
	if declare -F _filedir >/dev/null; then
		_filedir
	else
		compopt -o filenames 2>/dev/null
		mapfile -t COMPREPLY < <(compgen -f -- "$cur")
	fi
}

# Completes the words of a list in COMPREPLY.
_salesperf_words()
{
	mapfile -t COMPREPLY < <(compgen -W "$1" -- "$cur")
}

# Completes the last word of a comma-separated list (--by rep,team).
_salesperf_word_list()
{
	local head=

	[[ $cur == *,* ]] && head=${cur%,*}, && cur=${cur##*,}
	mapfile -t COMPREPLY < <(compgen -P "$head" -W "$1" -- "$cur")
}

_salesperf()
{
	local tool=${1/#\~/$HOME} cur=${COMP_WORDS[COMP_CWORD]} opt= i arg=
	local prefix=
	local -a _sp_names _sp_args _sp_texts

	# Readline splits "--goals=x" into "--goals", "=" and "x".
	if ((COMP_CWORD >= 2)) && [[ ${COMP_WORDS[COMP_CWORD - 1]} == = ]]; then
		opt=${COMP_WORDS[COMP_CWORD - 2]}
	elif [[ $cur == = ]] && ((COMP_CWORD >= 1)); then
		opt=${COMP_WORDS[COMP_CWORD - 1]}
		cur=
	elif [[ $cur == --*=* ]]; then
		# "=" is not in COMP_WORDBREAKS: the word keeps its option.
		opt=${cur%%=*}
		cur=${cur#*=}
		prefix=$opt=
	elif ((COMP_CWORD >= 1)); then
		opt=${COMP_WORDS[COMP_CWORD - 1]}
	fi
	COMPREPLY=()
	_salesperf_read_help "$tool"

	# The option before the word, if it takes a value.
	case $opt in
	-o) opt=--output ;;
	-d) opt=--delimiter ;;
	esac
	for i in "${!_sp_names[@]}"; do
		[[ ${_sp_names[i]} == "$opt" ]] && arg=${_sp_args[i]}
	done

	if [[ -n $arg ]]; then
		case $opt in
		--output) _salesperf_words "$(_salesperf_formats)" ;;
		--period) _salesperf_words "$(_salesperf_periods "$cur")" ;;
		--delimiter) _salesperf_words "tab semicolon pipe auto" ;;
		--fiscal-start)
			_salesperf_words "jan feb mar apr may jun jul aug sep oct nov dec"
			;;
		--method) _salesperf_words "even basis blend" ;;
		--split) _salesperf_words "month week day" ;;
		--profile)
			if [[ $cur == */* ]]; then
				_salesperf_files
			else
				_salesperf_words "$(_salesperf_profiles "$tool")"
			fi
			;;
		*)
			if [[ $arg == FILE* ]]; then
				_salesperf_files
			elif [[ $opt == --by && $arg =~ ^[a-z|]+$ ]]; then
				_salesperf_word_list "${arg//|/ }"
			elif [[ $opt == --by ]]; then
				_salesperf_word_list "rep team total"
			elif [[ $arg =~ ^[a-z]+(\|[a-z]+)+$ ]]; then
				_salesperf_words "${arg//|/ }"
			fi
			;;
		esac
		[[ -n $prefix ]] && COMPREPLY=("${COMPREPLY[@]/#/$prefix}")
		return 0
	fi

	if [[ $cur == -* ]]; then
		mapfile -t COMPREPLY < <(compgen -W "${_sp_names[*]}" -- "$cur")
	else
		_salesperf_files
	fi
	return 0
}

complete -F _salesperf goal-set attain funnel-flag forecast
