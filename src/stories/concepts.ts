/**
 * The concept lexicon: groups of news-domain near-synonyms and related forms, so that claims
 * told in different words ("U.S. prisoners" / "Americans imprisoned", "envoy" / "negotiator")
 * meet on the same concept. Written for this project (no third-party lexicon copied in).
 * Entries are surface forms; they are stemmed with ./stem.ts when the table is built, so a
 * group needs only the forms the stemmer does not join. Multi-word entries are phrases.
 *
 * Also here: aliases that turn names, demonyms and capital-city metonyms into one entity key
 * ("American", "U.S.", "Washington's ally" -> "united-states"; "North Korean" -> "north-korea").
 *
 * Tuned on: the two seed articles and the paraphrase pairs in align.test.ts; grown by reading
 * BASIL triplets (same event told by three outlets) for the words outlets swap.
 */
import { stem } from './stem.js';

const GROUPS: readonly (readonly [string, string])[] = [
  // People in custody, and custody itself.
  ['prisoner', 'prisoner, detainee, detained, detain, detention, imprison, imprisoned, imprisonment, captive, captivity, hostage, jailed, jail, inmate, in custody, held prisoner, behind bars, incarcerated, incarceration, locked up, abducted, kidnapped, kidnapping, abduction'],
  ['arrest', 'arrest, arrested, apprehended, taken into custody, detained by police, nabbed, captured, capture, booked'],
  ['release', 'release, released, freed, free, freeing, set free, let go, liberated, returned home, return home, arrived back home, came home, brought home, repatriated, repatriation, freedom'],
  ['envoy', 'envoy, negotiator, diplomat, diplomatic representative, ambassador, representative, point person, emissary, special representative, delegate, counterpart, go-between, intermediary, mediator, interlocutor, liaison'],
  ['talks', 'talks, talk, dialogue, dialog, discussion, discussions, discussed, negotiation, negotiations, negotiate, negotiating, contact, contacts, in contact, communication, communications, communicate, diplomacy, diplomatic, channel, backchannel, back-channel, back channel, engagement, engage, engaging, outreach, reach out, reached out, conversation, meeting, met, meet, summit, parley, exchange messages'],
  ['die', 'die, died, dies, dying, death, dead, deaths, killed, kill, killing, fatal, fatality, fatalities, passed away, lost his life, lost her life, lost their lives, perished, toll, death toll, slain, deceased, body, bodies'],
  ['injure', 'injure, injured, injuries, injury, wounded, wound, hurt, hospitalized, hospitalised, casualties'],
  ['broaden', 'broaden, broadened, expand, expanded, expansion, widen, widened, extend, extended, beyond, other than, beyond the scope, go beyond, gone beyond, wider, broader, more broadly, additional issues, other issues, other matters, matters other than'],
  ['student', 'student, university student, college student, undergraduate, pupil, schoolchild'],
  ['university', 'university, college, campus, school, academy'],
  ['coma', 'coma, comatose, unresponsive, brain damage, vegetative'],
  ['weapon', 'weapon, weapons, arms, armament, arsenal, munition, munitions'],
  ['nuclear', 'nuclear, nukes, nuke, atomic, warhead, warheads, nuclear weapons'],
  ['missile', 'missile, missiles, ballistic, rocket, rockets, icbm, projectile, launch, launched, launches'],
  ['test', 'test, tests, tested, testing, trial run, detonation, detonated'],
  ['cease', 'cease, stop, halt, end, freeze, suspend, suspension, abandon, give up, renounce, scrap, dismantle, cancel, cancelled, canceled, cancellation, call off, called off, shut down'],
  ['insult', 'insult, insults, taunt, taunts, barbs, threat, threats, threaten, threatened, threatening, warning, warnings, warn, warned, rhetoric, bluster'],
  ['war', 'war, warfare, conflict, hostilities, fighting, combat, battle, clash, clashes, armed conflict'],
  ['attack', 'attack, attacks, attacked, strike, strikes, struck, assault, raid, bombing, bombed, airstrike, airstrikes, shelling, offensive, pre-emptive strike, preemptive strike'],
  ['retaliate', 'retaliate, retaliates, retaliation, respond, response, hit back, counterattack, reprisal'],
  ['neutral', 'neutral, neutrality, stay out, stand aside, not take sides, impartial'],
  ['military', 'military, army, troops, soldiers, forces, armed forces, navy, air force, marines, defense forces, militia'],
  ['official', 'official, officials, authorities, authority, administration, government, governments, regime, state department, officialdom, aide, aides'],
  ['president', 'president, presidency, head of state, leader, leaders, commander in chief'],
  ['minister', 'minister, secretary, foreign minister, secretary of state, cabinet'],
  ['praise', 'praise, praised, commend, commended, lauded, applauded, hailed, stellar, credited, thanked'],
  ['criticize', 'criticize, criticise, criticized, criticised, criticism, critic, critics, condemn, condemned, slam, slammed, blast, blasted, rail, railing, denounce, denounced, attacked verbally, lambaste'],
  ['deny', 'deny, denied, denies, denial, reject, rejected, refute, refuted, dismiss, dismissed, rebut, rebuffed, disputed, contest'],
  ['confirm', 'confirm, confirmed, confirmation, verify, verified, acknowledged, acknowledge, admitted, admit'],
  ['announce', 'announce, announced, announcement, unveil, unveiled, declare, declared, declaration, disclose, disclosed, reveal, revealed'],
  ['sign', 'sign, signed, signing, ink, inked, enact, enacted, approve, approved, ratify, ratified, adopt, adopted'],
  ['agreement', 'agreement, deal, accord, pact, treaty, compact, understanding, arrangement'],
  ['law', 'law, laws, legislation, bill, statute, act, measure, ordinance, regulation, regulations, rule, rules'],
  ['vote', 'vote, votes, voted, voting, ballot, ballots, poll, polls, referendum'],
  ['election', 'election, elections, elected, reelection, re-election, campaign, campaigned, race, primary, midterm, midterms'],
  ['win', 'win, won, wins, winner, victory, victorious, triumph, prevail, prevailed, beat, defeated, defeat'],
  ['lose', 'lose, lost, loses, loser, losing, defeated narrowly, concede, conceded'],
  ['candidate', 'candidate, candidates, nominee, contender, challenger, incumbent'],
  ['lawmaker', 'lawmaker, lawmakers, legislator, legislators, congressman, congresswoman, senator, senators, representative in congress, member of parliament, mp, mps, congress, parliament, legislature, senate, house of representatives'],
  ['court', 'court, courts, judge, judges, justice, tribunal, bench, jury, supreme court'],
  ['rule', 'ruled, ruling, verdict, decision, decided, judgment, judgement, found guilty, sentenced, sentence, convicted, conviction, acquitted'],
  ['charge', 'charge, charged, charges, indicted, indictment, accused, accusation, accusations, allegation, allegations, alleged, prosecute, prosecuted, prosecution, prosecutor, prosecutors'],
  ['lawsuit', 'lawsuit, suit, sued, sue, suing, litigation, legal action, legal challenge, complaint, filed suit'],
  ['investigate', 'investigate, investigated, investigation, investigating, probe, probed, inquiry, enquiry, examine, examined, look into, looking into, scrutiny'],
  ['police', 'police, policeman, officer, officers, cop, cops, law enforcement, sheriff, deputies, patrol'],
  ['crime', 'crime, crimes, criminal, offence, offense, felony, misdemeanor, wrongdoing, illegal, unlawful'],
  ['shoot', 'shoot, shooting, shot, shots, gunfire, gunman, gunmen, opened fire, fired, firing, gun, guns, firearm, firearms, rifle'],
  ['murder', 'murder, murdered, homicide, manslaughter, assassination, assassinated'],
  ['suspect', 'suspect, suspects, perpetrator, assailant, attacker, attackers, culprit'],
  ['victim', 'victim, victims, casualty, survivor, survivors'],
  ['fire', 'fire, fires, blaze, blazes, wildfire, wildfires, flames, burned, burning, inferno'],
  ['flood', 'flood, floods, flooding, flooded, deluge, inundated, flash flood'],
  ['storm', 'storm, storms, hurricane, typhoon, cyclone, tornado, gale, tropical storm'],
  ['earthquake', 'earthquake, quake, tremor, temblor, seismic, aftershock'],
  ['disaster', 'disaster, catastrophe, calamity, emergency, crisis, crises'],
  ['evacuate', 'evacuate, evacuated, evacuation, evacuations, flee, fled, fleeing, displaced, displacement'],
  ['rescue', 'rescue, rescued, rescuers, saved, recovery, recovered, search and rescue'],
  ['destroy', 'destroy, destroyed, destruction, damage, damaged, devastated, devastation, ruined, razed, flattened, wrecked'],
  ['home', 'home, homes, house, houses, housing, residence, residences, dwelling, building, buildings'],
  ['people', 'people, persons, person, residents, resident, citizens, citizen, civilians, civilian, individuals, population, public, inhabitants'],
  ['child', 'child, children, kids, kid, minors, minor, youth, juveniles, boy, boys, girl, girls, teenager, teenagers, teen, teens'],
  ['family', 'family, families, relatives, parents, parent, mother, father, son, daughter, wife, husband, sibling, siblings'],
  ['economy', 'economy, economic, economies, growth, gdp, gross domestic product, output'],
  ['price', 'price, prices, cost, costs, inflation, expensive, cheaper, rates, rate, fee, fees'],
  ['rise', 'rise, rose, risen, rising, increase, increased, increases, grow, grew, grown, jump, jumped, surge, surged, climb, climbed, soar, soared, up, higher, gain, gained, gains, boost, boosted, spike, spiked'],
  ['fall', 'fall, fell, fallen, falling, decrease, decreased, decline, declined, drop, dropped, plunge, plunged, slump, slumped, slide, slid, lower, down, cut, cuts, reduce, reduced, reduction, shrink, shrank, tumble, tumbled'],
  ['money', 'money, funds, funding, fund, cash, dollars, budget, spending, finance, financing, financial'],
  ['tax', 'tax, taxes, taxation, taxpayer, taxpayers, levy, tariff, tariffs, duty, duties on imports'],
  ['trade', 'trade, trading, exports, export, imports, import, commerce, trade war'],
  ['company', 'company, companies, firm, firms, corporation, business, businesses, enterprise, maker, manufacturer, employer, group, conglomerate'],
  ['job', 'job, jobs, employment, employed, workers, worker, employees, employee, staff, workforce, labor, labour, hire, hired, hiring'],
  ['unemployment', 'unemployment, unemployed, jobless, layoffs, laid off, layoff, job cuts, redundancies'],
  ['market', 'market, markets, stocks, stock, shares, equities, exchange, wall street, investors, investor'],
  ['bank', 'bank, banks, lender, lenders, central bank, federal reserve, fed'],
  ['interest', 'interest rate, interest rates, borrowing costs, rate hike, rate cut'],
  ['profit', 'profit, profits, earnings, revenue, revenues, sales, income, net income, turnover'],
  ['loss', 'loss, losses, deficit, shortfall, debt, debts'],
  ['health', 'health, healthcare, health care, medical, medicine, hospital, hospitals, clinic, doctor, doctors, physician, nurse, nurses, patient, patients'],
  ['disease', 'disease, diseases, illness, virus, viruses, infection, infections, infected, outbreak, epidemic, pandemic, contagion, sick, sickness'],
  ['vaccine', 'vaccine, vaccines, vaccination, vaccinated, inoculation, immunization, jab, jabs, shot in the arm'],
  ['drug', 'drug, drugs, medication, medications, pill, pills, treatment, therapy, opioid, opioids'],
  ['school', 'school, schools, classroom, teacher, teachers, education, educational, pupils'],
  ['immigration', 'immigration, immigrant, immigrants, migrant, migrants, migration, asylum, asylum seekers, refugee, refugees, border crossers, undocumented, deportation, deported, deport'],
  ['border', 'border, borders, frontier, boundary, wall'],
  ['voyage', 'sailing, sailings, crossing, crossings, voyage, voyages, passage, ferry service, trip, trips, journey, journeys, route, routes'],
  ['protest', 'protest, protests, protesters, protestors, demonstration, demonstrations, demonstrators, rally, rallies, march, marches, marched, unrest, riot, riots, rioters, sit-in'],
  ['strike-work', 'walkout, walked out, industrial action, picket, picketing, union, unions'],
  ['resign', 'resign, resigned, resignation, step down, stepped down, quit, quits, left office, ousted, fired from, dismissal, sacked, removed from office'],
  ['appoint', 'appoint, appointed, appointment, named, nominate, nominated, nomination, tapped, picked, selected, choose, chose'],
  ['leader-party', 'party, parties, republican, republicans, democrat, democrats, democratic, gop, conservative, conservatives, liberal, liberals, labour party, tory, tories'],
  ['policy', 'policy, policies, strategy, approach, plan, plans, agenda, program, programme, programs, initiative'],
  ['sanction', 'sanction, sanctions, sanctioned, embargo, penalties, penalty, punitive measures, restrictions, blacklist, blacklisted'],
  ['relations', 'relations, relationship, ties, bilateral, rapport, ill will, tension, tensions, rift, feud, foes, enemies, enemy, adversary, adversaries, rivals, rivalry, friendship'],
  ['ally', 'ally, allies, allied, alliance, partner, partners, partnership, coalition, friend'],
  ['support', 'support, supported, supports, back, backed, backing, endorse, endorsed, endorsement, favor, favour, favored, in favor, approve, approved, approval, vote for, voted for'],
  ['oppose', 'oppose, opposed, opposes, opposition, resist, resisted, object, objected, objection, block, blocked, veto, vetoed, obstruct'],
  ['demand', 'demand, demanded, demands, urge, urged, urging, call on, called on, called for, calls for, press, pressed, pressure, push, pushed, insist, insisted'],
  ['seek', 'seek, sought, seeking, pursue, pursued, pursuing, aim, aims, aimed, goal, objective, objectives, bid, effort, efforts, try, tried, trying, attempt, attempted, work to, strive'],
  ['secure', 'secure, secured, obtain, obtained, achieve, achieved, win release, clinch, clinched, gain release'],
  ['help', 'help, helped, helping, assist, assisted, assistance, aid, aided, support efforts'],
  ['warn', 'caution, cautioned, alarm, alarmed, alert, alerted'],
  ['fear', 'fear, fears, feared, concern, concerns, concerned, worry, worries, worried, anxiety, afraid'],
  ['hope', 'hope, hopes, hoped, optimism, optimistic, expect, expected, expectation, expectations, anticipate, anticipated'],
  ['project', 'project, projects, plan, plans, scheme, schemes, programme, proposal, proposals'],
  ['plan', 'plan to, planned, planning, intend, intends, intended, intention, prepare, prepared, preparing, preparation'],
  ['continue', 'continue, continued, continues, continuing, ongoing, persist, persisted, remain, remained, remains, keep, kept, carry on, sustained'],
  ['begin', 'begin, began, begun, start, started, starts, launch a, initiate, initiated, commence, commenced, open, opened, opening, kick off'],
  ['end-finish', 'ended, finish, finished, conclude, concluded, conclusion, wrap up, close, closed, closing, over'],
  ['month', 'month, months, monthly'],
  ['year', 'year, years, annual, annually, yearly'],
  ['week', 'week, weeks, weekly'],
  ['day', 'day, days, daily'],
  ['recent', 'recent, recently, lately, latest, new, newly, fresh'],
  ['previous', 'previous, previously, earlier, former, formerly, prior, past, ago, last'],
  ['soon', 'soon, shortly, imminent, imminently, upcoming, forthcoming, next'],
  ['several', 'several, few, a number of, some, multiple, various'],
  ['first', 'first, initial, initially, earliest, inaugural'],
  ['secret', 'secret, secretly, covert, covertly, behind the scenes, behind closed doors, quiet, quietly, confidential, private, privately, clandestine, undisclosed, unpublicized, backroom'],
  ['secret', 'back-channel, backchannel, back channel'],
  ['direct', 'direct, directly, face to face, face-to-face, one-on-one, in person, firsthand'],
  ['public', 'publicly, openly, public statement, on the record'],
  ['source', 'source, sources, unidentified, anonymous, unnamed, people familiar, familiar with, briefed, insiders, insider, person familiar'],
  ['news-media', 'newspaper, newspapers, media, press, outlet, paper, tabloid, editorial, op-ed, broadcaster, network, reporter, reporters, journalist, journalists, correspondent'],
  ['state-run', 'state-run, state-owned, state media, state newspaper, state paper, official newspaper, mouthpiece, state-controlled'],
  ['mandate', 'mandate, instruction, instructions, instructed, orders, ordered, brief, remit, authority to, directive, assignment, assigned, tasked, duties, duty, role, responsibilities, job of'],
  ['limit', 'limit, limited, limits, restrict, restricted, constrain, constrained, curb, curbed, rein in, reined in, restrain, restrained, cap, capped, narrow, narrowed'],
  ['frequency', 'frequency, frequent, frequently, often, regular, regularly, repeatedly, routine'],
  ['progress', 'progress, breakthrough, advance, advances, headway, success, successful, resolve, resolving, resolved, solution, settle, settled, settlement'],
  ['fail', 'fail, failed, failure, failing, collapse, collapsed, stall, stalled, stalemate, deadlock, impasse, setback, unsuccessful, fruitless, waste of time'],
  ['develop', 'develop, developed, developing, development, build, built, building up, advance programme, pursue weapons, capability, capabilities, capacity'],
  ['program-weapons', 'missile-development, weapons program, weapons programs, nuclear program, nuclear programme, arms program'],
  ['prevent', 'prevent, prevented, avert, averted, deter, deterrence, deterred, stop from, thwart, thwarted, forestall'],
  ['accept', 'accept, accepted, acceptable, tolerate, tolerated, allow, allowed, permit, permitted, let'],
  ['refuse', 'refuse, refused, refusal, decline to, declined to, unacceptable, rule out, ruled out, won\'t, will not'],
  ['statement-claim', 'assertion, asserted, assert, claim, claimed, claims, contend, contended, argue, argued, maintain, maintained, insist that'],
  ['suggest', 'suggest, suggested, suggestion, hint, hinted, imply, implied, indicate, indicated, indication, signal, signaled, signalled, sign that'],
  ['know', 'know, known, knew, knowledge, aware, awareness, unknown, unclear, learn, learned, learnt'],
  ['exchange', 'exchange, exchanged, relay, relayed, convey, conveyed, pass on, passed on, transmit, transmitted, deliver, delivered, message, messages, information, communicate messages'],
  ['desire', 'desire, want, wanted, wish, wishes, willing, willingness, eager, keen'],
  ['travel', 'travel, travelled, traveled, trip, trips, visit, visited, visits, tour, toured, journey, flew, flown, taken him, went to'],
  ['region', 'region, regional, area, areas, zone, territory, territories, neighborhood, neighbourhood, vicinity'],
  ['world', 'world, global, globally, international, internationally, worldwide, world stage, abroad, foreign'],
  ['country', 'country, countries, nation, nations, state, states, national, nationwide'],
  ['city', 'city, cities, town, towns, village, villages, municipality, capital, metropolitan, urban'],
  ['communist', 'communist, communism, dictatorship, dictator, totalitarian, authoritarian, hermit kingdom, autocratic, autocrat, regime'],
  ['religion', 'religious, religion, church, churches, mosque, temple, faith, christian, missionary, missionaries, priest, pastor, imam, clergy'],
  ['professor', 'professor, lecturer, academic, scholar, teacher at, faculty'],
  ['consultant', 'consultant, adviser, advisor, advisers, advisors, expert, experts, specialist, specialists, analyst, analysts'],
  ['agriculture', 'agricultural, agriculture, farming, farm, farms, farmer, farmers, crops, crop'],
  ['senior', 'senior, high-ranking, high ranking, top, chief, head, leading, veteran, highest-ranking'],
  ['only', 'only, sole, solely, lone, single, exclusive, exclusively, exception'],
  ['all-every', 'everyone, everybody, entire, whole, total, totally, altogether'],
  ['number-many', 'numerous, many, dozens, scores, hundreds, thousands, millions'],
  ['technology', 'technology, tech, software, hardware, digital, online, internet, computer, computers, app, apps, platform, platforms'],
  ['data', 'data, records, files, documents, information leak, database'],
  ['hack', 'hack, hacked, hacking, hacker, hackers, cyberattack, cyber attack, breach, breached, intrusion, cyber'],
  ['leak', 'leak, leaked, leaks, leaking, disclosed documents, whistleblower'],
  ['privacy', 'privacy, surveillance, spying, spy, spied, espionage, intelligence, monitoring'],
  ['energy', 'energy, oil, gas, petroleum, crude, fuel, fuels, coal, electricity, power, renewable, renewables, solar, wind power'],
  ['climate', 'climate, climate change, global warming, emissions, carbon, greenhouse, warming, pollution'],
  ['environment', 'environment, environmental, ecological, conservation, wildlife, forest, forests, ocean, oceans'],
  ['water', 'water, drought, reservoir, river, rivers, rainfall, rain'],
  ['food', 'food, hunger, famine, starvation, malnutrition, meals, grain, wheat, rice'],
  ['transport', 'transport, transportation, traffic, road, roads, highway, highways, rail, railway, train, trains, subway, metro, bus, buses'],
  ['plane', 'airplane, airplanes, aeroplane, aircraft, airliner, jet, jets, flight, flights, airline, airlines, airport, aviation'],
  ['crash', 'crash, crashed, crashes, collision, collided, collide, derailed, derailment, wreck, accident, accidents, sank, sinking, capsized, ran into, run into, rammed, ramming, smashed into, ploughed into, plowed into, struck, hit'],
  ['ship', 'ship, ships, vessel, vessels, boat, boats, ferry, tanker, submarine, warship, carrier'],
  ['car', 'car, cars, vehicle, vehicles, truck, trucks, automobile, automaker, automakers, suv'],
  ['explode', 'explosion, explosions, explode, exploded, blast, blasts, bomb, bombs, detonate, ied, explosive, explosives'],
  ['terror', 'terror, terrorism, terrorist, terrorists, militant, militants, extremist, extremists, insurgent, insurgents, jihadist, jihadists'],
  ['refugee-camp', 'camp, camps, shelter, shelters, tent, tents'],
  ['peace', 'peace, ceasefire, cease-fire, truce, armistice, peace deal, peace talks, de-escalation, deescalate, calm'],
  ['escalate', 'escalate, escalated, escalation, heighten, heightened, intensify, intensified, stepped up, step up, ramp up, ramped up, rising tensions, inflame'],
  ['crisis-talk', 'standoff, showdown, confrontation, brinkmanship'],
  ['occupy', 'occupy, occupied, occupation, seize, seized, seizure, annex, annexed, annexation, take over, took over, takeover, control, controlled'],
  ['invade', 'invade, invaded, invasion, incursion, intrude'],
  ['withdraw', 'withdraw, withdrew, withdrawn, withdrawal, pull out, pulled out, pullout, retreat, retreated, exit, leave, left'],
  ['deploy', 'deploy, deployed, deployment, send troops, sent troops, dispatch, dispatched, station, stationed'],
  ['threat', 'danger, dangerous, menace, risk, risks, peril, hazard, hazardous, jeopardy'],
  ['safety', 'safety, safe, security, secure from, protection, protect, protected, defend, defended, defense, defence, guard, guarded'],
  ['rights', 'rights, human rights, civil rights, liberties, freedoms, abuse, abuses, violations, violation'],
  ['torture', 'torture, tortured, mistreatment, mistreated, abuse in custody, ill-treatment, beaten, beating'],
  ['speech', 'speech, speeches, address, remarks, comments, commented, statement, statements, spoke, speak, spoken, interview, tweet, tweets, tweeted, post, posted'],
  ['meeting-event', 'conference, forum, event, ceremony, gathering, session, hearing, hearings'],
  ['document', 'document, documents, report card, memo, letter, letters, email, emails, papers, filing, filings'],
  ['study', 'study, studies, research, researcher, researchers, survey, surveys, analysis, findings, found that, scientists, scientist'],
  ['number-percent', 'percent, per cent, %, percentage, proportion, share, fraction'],
  ['majority', 'majority, most of, bulk, plurality'],
  ['million', 'million, mln, m'],
  ['billion', 'billion, bn, bln'],
  ['quarter-fin', 'quarter, quarterly, fiscal, fiscal year'],
  ['record', 'record, highest ever, all-time, unprecedented, historic, lowest ever'],
  ['big', 'big, large, huge, massive, major, significant, substantial, vast, sweeping, enormous'],
  ['small', 'small, little, minor, slight, modest, tiny, marginal'],
  ['new-law-effect', 'take effect, took effect, come into force, came into force, effective, implemented, implementation, enforce, enforced, enforcement'],
  ['ban', 'ban, banned, bans, prohibit, prohibited, prohibition, outlaw, outlawed, forbid, forbidden, bar, barred'],
  ['allow', 'legalize, legalise, legalized, legalised, authorize, authorise, authorized, authorised, permission, license, licence, licensed'],
  ['pay', 'pay, paid, payment, payments, compensation, compensate, reimburse, wage, wages, salary, salaries, income support'],
  ['poor', 'poverty, poor, low-income, needy, homeless, homelessness, destitute'],
  ['rich', 'rich, wealthy, wealth, affluent, billionaire, billionaires, millionaire, millionaires, high-income'],
  ['gun-control', 'gun control, background checks, assault weapons, firearms legislation'],
  ['abortion', 'abortion, abortions, reproductive rights, roe, pro-choice, pro-life, pregnancy'],
  ['marriage', 'marriage, married, marry, wedding, same-sex, gay, lesbian, lgbt, lgbtq, transgender'],
  ['race', 'racial, racism, racist, race relations, discrimination, discriminatory, segregation, black americans, minorities'],
  ['woman', 'woman, women, female, females, girls and women'],
  ['man', 'man, men, male, males'],
  ['age-old', 'elderly, seniors, older, aged, pensioners, retirees, retirement, pension, pensions'],
  ['young', 'young, younger, youthful, millennials'],
  ['report-news', 'news, coverage, reporting, story, stories, headline, headlines, article, articles'],
  ['internet-social', 'social media, facebook, twitter, instagram, youtube, tiktok'],
  ['mission', 'mission, delegation, embassy, consulate, legation, permanent mission'],
  ['foreign-ministry', 'foreign ministry, ministry of foreign affairs, state department, foreign office'],
  ['opinion-view', 'stance, position, view, views, opinion, opinions, attitude, posture, line, outlined, made clear, made their position clear'],
  ['accuse', 'blame, blamed, blames, fault, faulted, responsible, responsibility, culpable'],
  ['apologize', 'apologize, apologise, apologized, apologised, apology, regret, regretted, remorse'],
  ['celebrate', 'celebrate, celebrated, celebration, celebrations, festivities, jubilant, cheered, cheering'],
  ['mourn', 'mourn, mourned, mourning, grief, grieving, vigil, funeral, funerals, memorial, tribute, tributes'],
  ['condolence', 'condolences, sympathy, sympathies, thoughts and prayers'],
  ['weather', 'weather, temperature, temperatures, heat, heatwave, heat wave, cold, snow, snowstorm, blizzard, freezing'],
  ['power-outage', 'outage, outages, blackout, blackouts, without power, power cut, power cuts'],
  ['sport', 'game, games, match, matches, tournament, championship, league, season, team, teams, player, players, coach, coaches, club, clubs'],
  ['score', 'score, scored, scoring, goal, goals, points, touchdown, touchdowns'],
  ['injury-sport', 'sidelined, ruled out for, out for the season'],
  ['film', 'film, films, movie, movies, cinema, box office, series, album'],
  ['award', 'award, awards, prize, prizes, honor, honour, honored, honoured, medal, medals, trophy'],
  ['space', 'space, nasa, rocket launch, astronaut, astronauts, orbit, satellite, satellites, spacecraft, moon, mars'],
  ['science-discover', 'discovery, discover, discovers, discovered, finding, found, find, uncovered, unearthed, identified, detected, spotted'],
  ['animal', 'animal, animals, species, dog, dogs, cat, cats, bird, birds, fish, whale, whales'],
  ['government-shutdown', 'shutdown, shut down, closure, closures, closed down'],
  ['spend', 'spend, spent, spending, expenditure, outlay, outlays, invest, invested, investment, investments'],
  ['save-money', 'savings, saved money, cut costs, austerity'],
  ['debt-ceiling', 'debt ceiling, debt limit, borrowing limit'],
  ['healthcare-law', 'obamacare, affordable care act, aca, health law, health insurance, insurance, insurer, insurers, medicaid, medicare'],
  ['wall', 'border wall, fence, barrier'],
  ['impeach', 'impeach, impeached, impeachment, remove from office, removal'],
  ['scandal', 'scandal, scandals, controversy, controversies, affair, misconduct, impropriety, corruption, corrupt, bribery, bribe, bribes, fraud, embezzlement'],
  ['harass', 'harassment, harassed, harass, sexual misconduct, assault allegations, groping, abuse allegations'],
  ['testify', 'testify, testified, testimony, witness, witnesses, deposition, under oath, hearing testimony'],
  ['agency', 'agency, agencies, department, departments, ministry, ministries, bureau, office, commission, regulator, regulators'],
  ['intelligence-agency', 'cia, fbi, nsa, intelligence agency, intelligence agencies, intelligence community, spy agency'],
  ['summit-meeting', 'summit, summits, bilateral meeting, state visit, talks in person'],
  ['united', 'together, jointly, joint, united front, cooperation, cooperate, cooperated, collaborate, collaboration'],
  ['hostile', 'hostile, hostility, aggression, aggressive, belligerent, provocation, provocative, provocations, threatening behavior'],
  ['friendly', 'friendly, cordial, warm, amicable, constructive, positive, productive, fruitful'],
  ['claim-true', 'true, accurate, correct, fact, factual, truth'],
  ['claim-false', 'false, inaccurate, incorrect, untrue, fake, bogus, misleading, wrong, lie, lies, lied, hoax, fabricated'],
  ['probably', 'probably, likely, unlikely, possibly, perhaps, may, might, could'],
  ['immediately', 'immediately, instantly, promptly, right away, at once, quickly, swiftly, rapidly'],
  ['later', 'later, afterward, afterwards, subsequently, then, thereafter, after, following, days after, weeks after'],
  ['during', 'while, during, amid, amidst, as, throughout, meanwhile'],
  ['because', 'because, due to, owing to, as a result, result, resulted, caused, cause, causing, led to, lead to, sparked, triggered, prompted'],
  ['despite', 'despite, regardless, notwithstanding, in spite of, even though, although, though, however, nevertheless'],
  ['focus', 'focus, focused, focusing, focussed, centered on, centred on, concern, concerned, about, regarding, dealing with, address, addressed, deal with, on the subject of, involve, involved, involving'],
];

/** Entity aliases: surface form -> entity key (the slug part of a canonical id, after "type:"). */
const ALIASES: readonly (readonly [string, string])[] = [
  ['united-states', 'u.s., u.s, us, usa, u.s.a., united states, united states of america, america, american, americans, us-led, u.s.-led'],
  ['north-korea', 'north korea, north korean, north koreans, dprk, pyongyang, nkorea, n. korea, democratic people\'s republic of korea'],
  ['south-korea', 'south korea, south korean, south koreans, seoul, rok, republic of korea, s. korea'],
  ['korea', 'korea, korean, koreans, korean peninsula'],
  ['china', 'china, chinese, beijing, prc, people\'s republic of china'],
  ['russia', 'russia, russian, russians, moscow, kremlin, russian federation'],
  ['united-kingdom', 'united kingdom, uk, u.k., britain, great britain, british, briton, britons, london'],
  ['france', 'france, french, paris, elysee'],
  ['germany', 'germany, german, germans, berlin'],
  ['japan', 'japan, japanese, tokyo'],
  ['iran', 'iran, iranian, iranians, tehran'],
  ['iraq', 'iraq, iraqi, iraqis, baghdad'],
  ['syria', 'syria, syrian, syrians, damascus'],
  ['israel', 'israel, israeli, israelis'],
  ['palestine', 'palestine, palestinian, palestinians'],
  ['ukraine', 'ukraine, ukrainian, ukrainians, kyiv, kiev'],
  ['india', 'india, indian, indians, new delhi'],
  ['pakistan', 'pakistan, pakistani, pakistanis, islamabad'],
  ['afghanistan', 'afghanistan, afghan, afghans, kabul'],
  ['mexico', 'mexico, mexican, mexicans'],
  ['canada', 'canada, canadian, canadians, ottawa'],
  ['turkey', 'turkey, turkish, ankara'],
  ['saudi-arabia', 'saudi arabia, saudi, saudis, riyadh'],
  ['egypt', 'egypt, egyptian, egyptians, cairo'],
  ['italy', 'italy, italian, italians, rome'],
  ['spain', 'spain, spanish, madrid'],
  ['europe', 'europe, european, europeans'],
  ['european-union', 'european union, eu, e.u., brussels'],
  ['australia', 'australia, australian, australians, canberra'],
  ['brazil', 'brazil, brazilian, brazilians, brasilia'],
  ['venezuela', 'venezuela, venezuelan, venezuelans, caracas'],
  ['cuba', 'cuba, cuban, cubans, havana'],
  ['taiwan', 'taiwan, taiwanese, taipei'],
  ['vietnam', 'vietnam, vietnamese, hanoi'],
  ['philippines', 'philippines, filipino, filipinos, philippine, manila'],
  ['nigeria', 'nigeria, nigerian, nigerians'],
  ['united-nations', 'united nations, u.n., un, u.n, unsc, security council'],
  ['nato', 'nato, north atlantic treaty organization'],
  ['state-department', 'state department, department of state'],
  ['white-house', 'white house'],
  ['associated-press', 'associated press, ap'],
  ['new-york', 'new york, new york city, nyc'],
];

/** Words that must be written in capitals to be an alias ("US", "UN", "AP" but not "us", "un", "ap"). */
const CASE_SENSITIVE: ReadonlySet<string> = new Set(['us', 'un', 'ap', 'eu', 'uk', 'rok', 'prc', 'm', 'bn']);

export interface Lexicon {
  /** Stem sequence joined by " " -> concept id ("c:prisoner") or entity key ("e:united-states"). */
  readonly phrases: ReadonlyMap<string, string>;
  /** Further senses of a form that several groups list. */
  readonly also: ReadonlyMap<string, readonly string[]>;
  /** Longest phrase length in words. */
  readonly maxWords: number;
  /** Every start of a phrase key that ends before one of its spaces ("coast guard" of "coast guard
   *  cutter"): a lookup whose key is not one can stop, as no longer phrase begins with it. */
  readonly prefixes: ReadonlySet<string>;
}

function build(): Lexicon {
  const phrases = new Map<string, string>();
  const also = new Map<string, string[]>();
  let maxWords = 1;
  const add = (entries: string, id: string): void => {
    for (const entry of entries.split(',')) {
      const parts = entry.trim().toLowerCase().split(/[\s-]+/).filter(Boolean);
      if (parts.length === 0) continue;
      const key = parts.map(stem).join(' ');
      // The first group to claim a form keeps it as its main sense; later groups listing the
      // same form add a second sense ("back-channel": talks, and secret).
      if (!phrases.has(key)) phrases.set(key, id);
      else if (phrases.get(key) !== id) also.set(key, [...(also.get(key) ?? []), id]);
      maxWords = Math.max(maxWords, parts.length);
    }
  };
  for (const [key, entries] of ALIASES) add(entries, `e:${key}`);
  for (const [id, entries] of GROUPS) add(entries, `c:${id}`);
  const prefixes = new Set<string>();
  for (const key of phrases.keys()) for (let i = key.indexOf(' '); i >= 0; i = key.indexOf(' ', i + 1)) prefixes.add(key.slice(0, i));
  return { phrases, also, maxWords, prefixes };
}

export const LEXICON: Lexicon = build();

/** True when a lower-cased word may only match an alias if written in capitals. */
export function isCaseSensitiveAlias(norm: string): boolean {
  return CASE_SENSITIVE.has(norm.replace(/\./g, ''));
}

/** The entity key for a slug, through the alias table ("north-korean" -> "north-korea"). */
export function aliasKey(slug: string): string {
  const id = LEXICON.phrases.get(slug.split('-').map(stem).join(' '));
  return id !== undefined && id.startsWith('e:') ? id.slice(2) : slug;
}
