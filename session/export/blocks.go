package export

// The Markdown and HTML reports are one document rendered twice: document builds it as
// blocks, and each renderer escapes every text it writes. Blocks hold plain text only.

// block is one of the block types below.
type block any

type heading struct {
	level    int
	id, text string
}

// span is a run of text, optionally bold or italic.
type span struct {
	text         string
	strong, emph bool
}

type para []span

// facts are label–value pairs, such as the cohort's details.
type facts [][2]string

// table cells are plain text; a newline in a cell is a line break.
type table struct {
	head []string
	num  []bool // right-aligned numeric columns
	keep []bool // columns whose cells never wrap, such as times
	rows [][]string
	// rowHeads makes the first cell of each row a row heading.
	rowHeads bool
	// md, when set, is what Markdown shows instead: a list that reads at 80 columns where
	// the table would not.
	md []block
}

type bullets [][]span

// quote is a longer answer and who wrote it.
type quote struct {
	who  []span
	text string
}

// barChart is a horizontal bar chart; in Markdown it is a table when asTable is set and left
// out otherwise (another table already holds its numbers).
type barChart struct {
	title   string
	head    [2]string
	bars    []bar
	rank    bool
	asTable bool
}

type bar struct {
	label string
	value float64
	text  string
}

// stackChart is a chart of horizontal bars split into parts (e.g. submitted, draft, not
// started); it is drawn in HTML only.
type stackChart struct {
	title  string
	series []string
	rows   []stackRow
	none   string // what a row without any count says
}

type stackRow struct {
	label  string
	values []int
}

// matrixChart is a 2×2 with numbered items at their places; Markdown shows it as a 2×2 table.
type matrixChart struct {
	title     string
	x, y      Axis
	quadrants []string
	points    []matrixPoint
	nothing   string // what an empty quadrant says
}

type matrixPoint struct {
	n          int
	text       string
	x, y       float64
	quadrant   int
	placements int
	counts     [4]int
	placed     string // where and how often it was placed, in words
}
