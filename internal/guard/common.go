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
		"speaking", "commenting", "writing", "noting", "adding", "asked", "asked about", "said", "says", "overall",
		"taken", "taking", "given", "based", "measured", "counted", "ranked", "ranking", "compared", "relative",
		"together", "collectively", "in", "at", "on", "for", "work", "works", "construction", "production",
		"imports", "exports", "turnover", "growth", "output", "investment", "projects", "project", "visitors",
		"tourism", "energy", "emissions", "prices", "price", "tariffs", "tariff", "inflation", "share", "level",
		"levels", "rate", "rates", "number", "numbers", "count", "amount", "sum", "this", "that", "those", "these",
		"such", "across", "beyond", "amid", "amidst", "following", "ahead", "preliminary", "provisional", "final",
		"official", "officially", "reportedly", "apparently", "initially", "originally", "subsequently",
		"meanwhile", "simultaneously", "again", "already", "always", "never", "often", "sometimes", "usually",
		"still", "only", "mostly", "largely", "partly", "mainly", "chiefly", "primarily", "especially",
		"particularly", "in particular", "broadly", "generally", "typically", "accordingly", "therefore",
		"hence", "so", "plus", "minus", "and", "or", "yes", "no", "is", "are", "was", "were", "has", "have",
		"had", "will", "would", "could", "can", "may", "might", "should", "must", "be", "been", "being", "do",
		"does", "did", "it", "its", "it's", "they", "them", "their", "theirs", "we", "us", "you", "your",
		"who", "whom", "whose", "how", "why", "whether", "because", "unless", "although", "though", "where",
		"whereby", "i", "my", "me", "mine", "our", "ours", "let", "see", "note", "compare", "read", "more",
		"fewer", "less", "least", "lowest", "highest", "biggest", "largest", "smallest", "main", "key", "major",
		"minor", "big", "small", "large", "high", "low", "good", "bad", "better", "worse", "best", "worst",
		"improvement", "deterioration", "change", "changes", "changed", "unchanged", "steady", "stable",
		"increase", "increased", "decrease", "decreased", "rise", "risen", "fall", "fallen", "gain", "gained",
		"drop", "dropped", "declined", "decline", "grew", "grow", "climbed", "slipped", "eased", "jumped",
		"completed", "implemented", "underway", "under", "way", "begun", "began", "started", "opened", "launched",
		"held", "took", "place", "scheduled", "expected", "set", "due", "announced", "reports", "report",
		"article", "interview", "statement", "meeting", "visit", "visited", "delegation", "cluster",
		"plants", "plant", "network", "outlets", "cards", "airports", "journalists", "media", "forum",
		"pipeline", "gas", "nuclear", "thermal", "power", "industrial", "joint", "foreign", "value", "values",
		"portfolio", "period", "periods", "date", "dates", "day", "days", "years", "weeks", "months",
		"figures", "statistics", "indicator", "indicators", "entity", "entities", "group", "groups",
		"table", "chart", "brief", "briefs", "section", "sections", "topic", "topics", "item", "items",
		"point", "points", "percent", "percentage", "tonnes", "kilotonnes", "centimetres", "metres",
		"developments", "events", "sources", "summary", "note", "notes", "details", "detail", "source",
	} {
		common[w] = true
	}
}
