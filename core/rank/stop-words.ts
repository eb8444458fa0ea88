/**
 * Words too common in any English text to say what a paper is about: scikit-learn's English list, less the words it
 * holds that a paper's subject can be ("system", "interest", "fire", "bottom", "top", …), plus the filler of
 * abstracts ("propose", "paper", "results"). Ranking leaves them out, and a phrase never spans one.
 */
export const STOP_WORDS: readonly string[] = `a about above across after afterwards again against all almost alone along
already also although always am among amongst an and another any anyhow anyone anything anyway anywhere are around as
at be became because become becomes becoming been before beforehand behind being below beside besides between beyond
both but by can cannot cant co could couldnt de do done down due during each eg eight either eleven else elsewhere
enough etc even ever every everyone everything everywhere except few fifteen fifty first five for former formerly
forty found four from further get give go had has hasnt have he hence her here hereafter hereby herein hereupon hers
herself him himself his how however hundred i ie if in inc indeed into is it its itself keep last latter latterly
least less ltd made many may me meanwhile might mine more moreover most mostly much must my myself namely neither
never nevertheless next nine no nobody none noone nor not nothing now nowhere of off often on once one only onto or
other others otherwise our ours ourselves out over own per perhaps please put rather re same see seem seemed seeming
seems several she should show since six sixty so some somehow someone something sometime sometimes somewhere still
such take ten than that the their them themselves then thence there thereafter thereby therefore therein thereupon
these they third this those though three through throughout thru thus to together too toward towards twelve twenty
two un under until up upon us very via was we well were what whatever when whence whenever where whereafter whereas
whereby wherein whereupon wherever whether which while whither who whoever whole whom whose why will with within
without would yet you your yours yourself yourselves
propose proposed proposes paper papers present presents presented work works approach approaches method methods
result results show shows shown demonstrate demonstrates use used uses using based novel new existing introduce
introduces introduced address addresses achieve achieves achieved significantly significant furthermore`
  .split(/\s+/)
  .filter((word) => word !== '');
