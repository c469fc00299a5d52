package guard

// common are English words that may open a sentence capitalised without
// being names.
var common = map[string]bool{}

func init() {
	for _, w := range []string{
		"a", "about", "above", "according", "across", "after", "against", "all", "almost", "along", "also", "although",
		"among", "an", "and", "another", "any", "around", "as", "at", "because", "before", "behind", "below", "besides",
		"between", "beyond", "both", "but", "by", "combined", "compared", "concerning", "consequently", "despite", "down",
		"during", "each", "earlier", "either", "elsewhere", "even", "every", "except", "figures", "finally", "first",
		"following", "for", "from", "further", "furthermore", "here", "however", "if", "in", "including", "indeed",
		"instead", "into", "it", "its", "last", "later", "latest", "less", "like", "likewise", "many", "meanwhile",
		"more", "moreover", "most", "much", "near", "neither", "new", "newly", "next", "no", "nor", "not", "notably",
		"now", "of", "off", "on", "once", "one", "only", "or", "other", "otherwise", "our", "over", "overall", "per",
		"plans", "previously", "rather", "recently", "regarding", "second", "several", "similarly", "since", "so",
		"some", "still", "such", "than", "that", "the", "their", "then", "there", "these", "they", "third", "this",
		"those", "though", "three", "through", "thus", "to", "together", "too", "total", "toward", "towards", "two",
		"under", "unlike", "until", "up", "upon", "via", "we", "what", "when", "where", "whereas", "which", "while",
		"with", "within", "without", "yet", "year", "week", "month", "quarter", "in total", "altogether", "separately",
		"additionally", "specifically", "currently", "today", "there", "its", "he", "she", "his", "her", "trade",
		"figure", "value", "data", "both", "four", "five", "six", "seven", "eight", "nine", "ten", "twelve", "hundred",
		"thousand", "million", "billion", "trillion", "up", "down", "nearly", "roughly", "approximately", "just",
		"some", "an", "beside", "besides", "looking", "turning", "on", "ahead", "planned", "plan", "target", "forecast",
		"estimate", "estimated", "reported", "recorded", "posted", "rose", "fell", "higher", "lower", "largest",
		"smallest", "highest", "lowest", "top", "leading", "behind", "follow", "followed", "next", "second-largest",
		"developments", "events", "sources", "summary", "note", "notes", "details", "detail", "source",
	} {
		common[w] = true
	}
}
